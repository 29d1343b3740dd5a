package org.acolhida.operations;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.acolhida.system.RoutedPath;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the signed-in user ({@value #USER}) and, on {@code /api/cases/{caseNumber}/…}, the case number
 * ({@value #CASE_NUMBER}) into the logging context of an HTTP request, and takes them out when the
 * request ends, so that a thread of the container does not carry them into the next request.
 * <p>
 * Runs after the REST authentication filter, whose engine authentication names the user of
 * {@code /engine-rest} and {@code /api}; the webapps and their API keep their user in the session.
 * Only identifiers reach the context: a user id and a case number, never a name.
 */
class LoggingContext extends OncePerRequestFilter {

	/** The field of every log line that names the signed-in user. */
	static final String USER = "userId";

	/** The field that names the case; the engine uses the same name for a process instance's business key. */
	static final String CASE_NUMBER = "caseNumber";

	// A case number is a short code; anything else in that place of the path is not logged as one.
	private static final Pattern CASE_PATH = Pattern.compile("^/api/cases/([A-Za-z0-9-]{1,40})(?:/.*)?$");

	private static final String ENGINE = "default";

	private final IdentityService identity;

	LoggingContext(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = user(request);
		String caseNumber = caseNumber(request);
		if (user != null) {
			MDC.put(USER, user);
		}
		if (caseNumber != null) {
			MDC.put(CASE_NUMBER, caseNumber);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(USER);
			MDC.remove(CASE_NUMBER);
		}
	}

	/** Also for errors: a fault's log line is written while the container dispatches to its error page. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private String user(HttpServletRequest request) {
		Authentication engine = identity.getCurrentAuthentication();
		if (engine != null && engine.getUserId() != null) {
			return engine.getUserId();
		}
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Authentications webapps = AuthenticationUtil.getAuthsFromSession(session);
		org.camunda.bpm.webapp.impl.security.auth.Authentication webapp = webapps == null ? null
				: webapps.getAuthenticationForProcessEngine(ENGINE);
		return webapp == null ? null : webapp.getName();
	}

	private static String caseNumber(HttpServletRequest request) {
		// As routed, but in its own spelling: a case number is upper case.
		String path = RoutedPath.of(request);
		Matcher matcher = CASE_PATH.matcher(path.replaceAll("/{2,}", "/"));
		return matcher.matches() ? matcher.group(1) : null;
	}

}
