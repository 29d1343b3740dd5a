package org.acolhida.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Strict Transport Security on every response that went out over HTTPS (directly, or through a
 * proxy that says so in X-Forwarded-Proto): once a browser has reached Acolhida over TLS it never
 * falls back to plain HTTP, which would expose staff passwords and case data. Never sent over plain
 * HTTP, where it means nothing and would lock out a local installation.
 */
@Configuration(proxyBeanMethods = false)
class TransportSecurity {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> strictTransportSecurity(
			@Value("${acolhida.hsts.max-age:31536000}") long maxAge) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if (request.isSecure()) {
					response.setHeader("Strict-Transport-Security", "max-age=" + maxAge + "; includeSubDomains");
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("acolhida-hsts");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
