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
 * Browser security headers on our own pages and answers: the audit pages ({@code /audit/}), the
 * municipal diagnosis ({@code /reports/}, under the audit pages' policy: ECharts' tooltips carry
 * style attributes) and
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
	 * What {@code /api} answers (JSON, CSV, the OpenAPI document) may do if a browser renders one: load
	 * nothing from anywhere else, run no inline script or style, and be framed by no one.
	 */
	static final String POLICY = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'";

	/**
	 * The audit pages, the same, except that style attributes are allowed: the diagram viewer (bpmn-js)
	 * writes them as it draws, and without them it draws the bpmn.io watermark (which its licence wants
	 * visible and unobstructed) over the diagram. Style attributes only: no inline script, no style
	 * element, and the page builds what it shows from text nodes, never from HTML it received.
	 */
	static final String AUDIT_POLICY = POLICY + "; style-src-attr 'unsafe-inline'";

	/**
	 * Swagger UI, as the audit pages (React sets style attributes); it draws its icons (the select
	 * arrows, the lock of a protected operation) from {@code data:} images in its style sheet, and its
	 * logo carries one style element of its own, allowed by its hash and by nothing else (when an
	 * upgrade changes it, ApiDocsBrowserIT names the new hash).
	 */
	static final String SWAGGER_UI_POLICY = AUDIT_POLICY + "; img-src 'self' data:; "
			+ "style-src-elem 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

	static final String SWAGGER_UI_PATH = "/api/swagger-ui/";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				// The container's decoded and normalised path, not the raw URI: "/api/swagger-ui/..%2Funits"
				// must not get Swagger UI's policy.
				String path = RoutedPath.of(request);
				response.setHeader("Content-Security-Policy", path.startsWith(SWAGGER_UI_PATH) ? SWAGGER_UI_POLICY
						: path.startsWith("/api") ? POLICY : AUDIT_POLICY);
				response.setHeader("X-Frame-Options", "DENY");
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("Referrer-Policy", "no-referrer");
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("acolhida-security-headers");
		registration.addUrlPatterns("/audit/*", "/reports/*", "/api/*");
		// Before authentication, so that a 401 carries them as well.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
