package org.acolhida.operations;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.acolhida.staff.Role;
import org.acolhida.staff.StaffDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What an operator's Prometheus needs: the gate in front of the actuator, the count of REST errors and
 * the {@code metrics} group whose members may scrape; and what a log collector needs: the user and the
 * case number in the log lines of a request. The filters see every request, because a path pattern of
 * the container would be matched before the check could read the routed path.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	/** Before every other filter of ours, so that the count includes their refusals. */
	@Bean
	FilterRegistrationBean<RestErrors> restErrors(MeterRegistry registry) {
		FilterRegistrationBean<RestErrors> registration = new FilterRegistrationBean<>(new RestErrors(registry));
		registration.setName("acolhida-rest-errors");
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ScrapeAccess> scrapeAccess(ProcessEngine engine, OperatorMetrics metrics) {
		FilterRegistrationBean<ScrapeAccess> registration = new FilterRegistrationBean<>(new ScrapeAccess(engine, metrics));
		registration.setName("acolhida-scrape-access");
		registration.addUrlPatterns("/*");
		registration.setOrder(1);
		return registration;
	}

	/**
	 * After the REST authentication (order 10), so that the engine's authentication names the user of
	 * {@code /engine-rest} and {@code /api}; before the filters that may log a refusal.
	 */
	@Bean
	FilterRegistrationBean<LoggingContext> loggingContext(IdentityService identity) {
		FilterRegistrationBean<LoggingContext> registration = new FilterRegistrationBean<>(new LoggingContext(identity));
		registration.setName("acolhida-logging-context");
		registration.addUrlPatterns("/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		registration.setOrder(15);
		return registration;
	}

	/** The group exists in every profile, so that an administrator only adds the scraper's user to it. */
	@Bean
	ApplicationRunner metricsGroup(StaffDirectory staff) {
		return args -> staff.roleGroup(Role.METRICS);
	}

}
