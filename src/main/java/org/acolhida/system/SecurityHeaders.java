package org.acolhida.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser security headers on our own pages and answers: the audit pages ({@code /audit/}) and
 * {@code /api/**} (JSON, CSV, the OpenAPI document and its Swagger UI). The audit page shows case
 * histories of vulnerable people to a signed-in auditor, so no other site may frame it (clickjacking),
 * run script in it or learn its address from a link; an answer is never sniffed into another type.
 * Camunda's webapps send their own headers ({@code camunda.bpm.webapp.header-security}).
 * <p>
 * Set before the rest of the chain runs, so that refusals (401, 403) and errors carry them too.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

	/**
	 * Our pages load their scripts, styles and images from this origin only, with no inline script or
	 * style attribute, and talk to this origin only.
	 */
	static final String POLICY = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'";

	/**
	 * Swagger UI draws its icons and logo from {@code data:} URLs in its style sheet; everything else it
	 * needs comes from this origin, like our pages.
	 */
	static final String SWAGGER_UI_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
			+ "object-src 'none'; base-uri 'none'; form-action 'self'";

	static final String SWAGGER_UI_PATH = "/api/swagger-ui/";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				response.setHeader("Content-Security-Policy",
						path.startsWith(SWAGGER_UI_PATH) ? SWAGGER_UI_POLICY : POLICY);
				response.setHeader("X-Frame-Options", "DENY");
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("Referrer-Policy", "no-referrer");
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("acolhida-security-headers");
		registration.addUrlPatterns("/audit/*", "/api/*");
		// Before authentication, so that a 401 carries them as well.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
