package org.acolhida.system;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to a request for the engine's REST API, the webapps' API or our own whose path is not
 * written the one way the servlet container routes it: with a path parameter ({@code task;x=1}), an
 * encoded separator ({@code %3B}, {@code %2F}, {@code %5C}), an empty or dot segment ({@code //},
 * {@code /./}, {@code /../}). The container routes such a path to the same resource, while a filter
 * that reads the raw path may not recognise it; no client of ours writes one. Filters behind this one
 * still decide on the routed path (servlet path and path info), so this is a first answer, not the
 * defence: the engine itself refuses expressions in queries (see expressions.ExpressionGovernance).
 */
class CanonicalRequestPaths extends OncePerRequestFilter {

	private static final List<String> NOT_CANONICAL = List.of(";", "%3b", "%2f", "%5c", "%2e", "//", "/./", "/../", "\\");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String raw = request.getRequestURI().substring(request.getContextPath().length()).toLowerCase(Locale.ROOT);
		if (NOT_CANONICAL.stream().anyMatch(raw::contains) || raw.endsWith("/.") || raw.endsWith("/..")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(JSON.writeValueAsString(Map.of("type", "InvalidRequestException", "message",
					"The path is not in its plain form: no path parameters (;), encoded separators or empty or dot segments")));
			return;
		}
		chain.doFilter(request, response);
	}

}
