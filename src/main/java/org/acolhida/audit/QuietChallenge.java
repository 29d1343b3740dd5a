package org.acolhida.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The auditor's page signs in with its own form. When it sends a wrong password, the 401's
 * {@code WWW-Authenticate: Basic} challenge would make the browser open its own password dialog on
 * top of the page's form. For requests that say they come from a script ({@code X-Requested-With:
 * XMLHttpRequest}) the challenge is left out of the 401; the status stays 401. Other clients (curl,
 * integrations) still get the challenge.
 */
@Configuration(proxyBeanMethods = false)
class QuietChallenge {

	static final String SCRIPT_HEADER = "X-Requested-With";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> auditQuietChallenge() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (!"XMLHttpRequest".equals(request.getHeader(SCRIPT_HEADER))) {
					chain.doFilter(request, response);
					return;
				}
				chain.doFilter(request, new HttpServletResponseWrapper(response) {

					@Override
					public void setHeader(String name, String value) {
						if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
							super.setHeader(name, value);
						}
					}

					@Override
					public void addHeader(String name, String value) {
						if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
							super.addHeader(name, value);
						}
					}

				});
			}

		});
		registration.setName("acolhida-audit-quiet-challenge");
		registration.addUrlPatterns("/api/audit/*");
		// before the authentication filter (order 10), so that it writes to the wrapped response
		registration.setOrder(5);
		return registration;
	}

}
