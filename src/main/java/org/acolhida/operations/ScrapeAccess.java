package org.acolhida.operations;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.acolhida.system.RoutedPath;
import org.acolhida.staff.Role;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator's endpoints other than health are for operators: HTTP Basic credentials of a Camunda
 * user in the group {@code metrics} or {@code camunda-admin}. No credentials or wrong ones get 401,
 * anybody else 403. {@code /actuator/health} stays open for load balancers, but only in its plain
 * form: any other spelling that the container routes there needs the credentials too.
 * <p>
 * The decision is on the path the container routes (servlet path and path info, with path
 * parameters removed, dot segments and repeated slashes resolved, decoded), so that
 * {@code /actuator;x=1/prometheus}, {@code //actuator//prometheus} or a percent-encoded letter reach
 * the same check as the plain path. Before a scrape is answered the operator metrics are brought up
 * to date ({@link OperatorMetrics#refreshIfStale()}).
 */
class ScrapeAccess extends OncePerRequestFilter {

	static final String ACTUATOR = "/actuator";

	static final String HEALTH = ACTUATOR + "/health";

	static final String PROMETHEUS = ACTUATOR + "/prometheus";

	private static final HttpBasicAuthenticationProvider BASIC = new HttpBasicAuthenticationProvider();

	private final ProcessEngine engine;

	private final OperatorMetrics metrics;

	ScrapeAccess(ProcessEngine engine, OperatorMetrics metrics) {
		this.engine = engine;
		this.metrics = metrics;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String routed = routed(request);
		if (!routed.equals(ACTUATOR) && !routed.startsWith(ACTUATOR + "/")) {
			chain.doFilter(request, response);
			return;
		}
		String raw = request.getRequestURI().substring(request.getContextPath().length());
		boolean health = routed.equals(HEALTH) || routed.startsWith(HEALTH + "/");
		if (health && raw.equals(routed)) {
			chain.doFilter(request, response);
			return;
		}
		String userId = authenticatedUser(request);
		if (userId == null) {
			BASIC.augmentResponseByAuthenticationChallenge(response, engine);
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		if (engine.getIdentityService().createGroupQuery().groupMember(userId).groupIdIn(Role.METRICS.groupId(), Groups.CAMUNDA_ADMIN).count() == 0) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		if (routed.equals(PROMETHEUS)) {
			metrics.refreshIfStale();
		}
		chain.doFilter(request, response);
	}

	/** The path as routed, in lower case (the check must not depend on how a name is spelt). */
	static String routed(HttpServletRequest request) {
		String path = RoutedPath.of(request);
		path = path.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
		return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * The user whose HTTP Basic credentials the engine accepts, or null: Camunda's own provider, the one
	 * that guards /engine-rest and /api, so every password check goes the same way (and through the
	 * sign-in throttle).
	 */
	private String authenticatedUser(HttpServletRequest request) {
		AuthenticationResult result = BASIC.extractAuthenticatedUser(request, engine);
		return result.isAuthenticated() ? result.getAuthenticatedUser() : null;
	}

}
