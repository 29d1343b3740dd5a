package org.acolhida.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.acolhida.staff.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
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

	private final IdentityService identity;

	private final OperatorMetrics metrics;

	ScrapeAccess(IdentityService identity, OperatorMetrics metrics) {
		this.identity = identity;
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
			response.setHeader("WWW-Authenticate", "Basic realm=\"acolhida-operations\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		if (identity.createGroupQuery().groupMember(userId).groupIdIn(Role.METRICS.groupId(), Groups.CAMUNDA_ADMIN).count() == 0) {
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
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		path = path.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
		return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	/** The user whose HTTP Basic credentials the engine's identity service accepts, or null. */
	private String authenticatedUser(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String userId = decoded.substring(0, colon);
		return identity.checkPassword(userId, decoded.substring(colon + 1)) ? userId : null;
	}

}
