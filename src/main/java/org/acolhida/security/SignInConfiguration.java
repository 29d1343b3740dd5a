package org.acolhida.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link SignInThrottleFilter} in front of every place where a request hands over a password.
 * The per-client part of the throttle needs the request; the engine has the rest (see
 * {@link ThrottledIdentityProvider}).
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	/** Before the REST authentication filter (order 10, system.RestSecurityConfiguration) checks a password. */
	@Bean
	FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilter(SignInThrottle throttle) {
		FilterRegistrationBean<SignInThrottleFilter> registration = new FilterRegistrationBean<>(
				new SignInThrottleFilter(throttle));
		registration.setName("acolhida-sign-in-throttle");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/*");
		registration.setOrder(5);
		return registration;
	}

}
