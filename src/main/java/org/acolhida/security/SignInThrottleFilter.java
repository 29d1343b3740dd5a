package org.acolhida.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.acolhida.system.RoutedPath;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a sign-in that the {@link SignInThrottle} holds with 429 and Retry-After, before the password is
 * checked and before the engine could only say "wrong password". It reads the logins an attempt names: the
 * user of HTTP Basic credentials, and the {@code username} of the webapps' login form.
 * <p>
 * Which requests it sees is decided by the servlet container, with the same URL patterns as the filter that
 * checks Basic credentials ({@code /engine-rest/*}, {@code /api/*}) and as the webapps' login resource
 * ({@code /camunda/api/admin/auth/*}); the container matches them against the path it routes (decoded,
 * normalised, without {@code ;parameters}), so a spelling of the path that reaches the password check
 * reaches this filter too. Whatever gets past it still meets the same throttle in the engine.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	SignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = SignInClients.of(request);
		Duration wait = Duration.ZERO;
		for (String login : attemptedLogins(request)) {
			Duration held = throttle.waitFor(client, login);
			wait = held.compareTo(wait) > 0 ? held : wait;
		}
		if (!wait.isZero()) {
			refuse(response, wait);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The logins that the request tries to sign in with; none if it carries no password. Every value counts:
	 * the container's first {@code username} may come from the query string while the webapp reads the body.
	 */
	static List<String> attemptedLogins(HttpServletRequest request) {
		List<String> logins = new ArrayList<>();
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = credentials.indexOf(':');
				logins.add(colon < 0 ? credentials : credentials.substring(0, colon));
			}
			catch (IllegalArgumentException notBase64) {
				// Not credentials the authentication filter can read either.
			}
		}
		if (isLoginForm(request)) {
			logins.addAll(List.of(request.getParameterValues("username")));
		}
		return logins;
	}

	/** Any POST under the webapps' authentication resource that names a user: the login form. */
	private static boolean isLoginForm(HttpServletRequest request) {
		String path = RoutedPath.of(request);
		return "POST".equalsIgnoreCase(request.getMethod()) && path.startsWith("/camunda/api/admin/auth/")
				&& request.getParameter("username") != null;
	}

	private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Too many failed sign-ins\",\"status\":429,"
					+ "\"detail\":\"Too many wrong passwords from this client for this login; try again in " + seconds
					+ " seconds\"}");
	}

}
