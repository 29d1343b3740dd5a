package org.acolhida.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API and our own {@code /api} are open to anyone unless a filter says otherwise:
 * both require HTTP Basic credentials of a Camunda user. The filter also makes the user the
 * engine's current authentication, so that the engine's authorizations apply to every call.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

	/** First: a path the container would route differently from how it reads is refused outright. */
	@Bean
	FilterRegistrationBean<CanonicalRequestPaths> canonicalRequestPaths() {
		FilterRegistrationBean<CanonicalRequestPaths> registration = new FilterRegistrationBean<>(new CanonicalRequestPaths());
		registration.setName("acolhida-canonical-request-paths");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
		registration.setOrder(5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("acolhida-rest-authentication");
		registration.addUrlPatterns("/engine-rest/*", "/api/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.setOrder(10);
		return registration;
	}

	/** After authentication, so that an anonymous caller learns nothing but 401. */
	@Bean
	FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(
			@Value("${camunda.bpm.generic-properties.properties.query-max-results-limit:2000}") int maxResults) {
		FilterRegistrationBean<EngineRequestGuard> registration = new FilterRegistrationBean<>(
				new EngineRequestGuard(maxResults));
		registration.setName("acolhida-engine-request-guard");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(20);
		return registration;
	}

}
