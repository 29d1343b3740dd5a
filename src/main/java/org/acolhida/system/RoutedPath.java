package org.acolhida.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request as the servlet container routes it: decoded, normalised, without path
 * parameters ({@code /engine-rest/task;x=1/count} is {@code /engine-rest/task/count}). Filters that decide
 * by path decide on this, never on the raw URI the client wrote, or a spelling the container still routes
 * to the same resource would slip past them.
 */
public final class RoutedPath {

	private RoutedPath() {
	}

	public static String of(HttpServletRequest request) {
		return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
	}

}
