package org.acolhida.papers;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the worker signed in to Tasklist open a paper from the task ({@value #PATH}…): {@code /api} wants
 * HTTP Basic credentials, which a page of the webapps does not have, so this path takes the user of the
 * webapps' session instead and makes them the engine's authentication for the request, as the REST
 * filter does for {@code /api}. Without a session it answers 401. Only GETs of papers pass here; the
 * same owning-unit check as on {@code /api} decides what they get.
 */
@Configuration(proxyBeanMethods = false)
class TasklistSession {

	static final String PATH = "/papers/cases/";

	@Bean
	FilterRegistrationBean<SessionUser> papersSessionUser(IdentityService identity) {
		FilterRegistrationBean<SessionUser> registration = new FilterRegistrationBean<>(new SessionUser(identity));
		registration.setName("acolhida-papers-session-user");
		registration.addUrlPatterns(PATH + "*");
		registration.setOrder(10);
		return registration;
	}

	static final class SessionUser extends OncePerRequestFilter {

		private final IdentityService identity;

		SessionUser(IdentityService identity) {
			this.identity = identity;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
			UserAuthentication user = signedIn == null ? null
					: signedIn.getAuthentications().stream().findFirst().orElse(null);
			if (user == null || !"GET".equals(request.getMethod())) {
				response.sendError(user == null ? HttpServletResponse.SC_UNAUTHORIZED
						: HttpServletResponse.SC_METHOD_NOT_ALLOWED);
				return;
			}
			identity.setAuthentication(user.getName(), user.getGroupIds(), user.getTenantIds());
			try {
				chain.doFilter(request, response);
			}
			finally {
				identity.clearAuthentication();
			}
		}

	}

}
