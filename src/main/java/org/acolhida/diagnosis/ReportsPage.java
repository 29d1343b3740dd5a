package org.acolhida.diagnosis;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The diagnosis page is static (src/main/resources/static/reports/), as the auditor's page is:
 * {@code /reports} and {@code /reports/} lead to its index. It holds no data; it asks
 * {@code /api/reports} with the reader's credentials and draws the charts with ECharts from the jar.
 */
@Configuration(proxyBeanMethods = false)
class ReportsPage implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/reports", "/reports/");
		registry.addViewController("/reports/").setViewName("forward:/reports/index.html");
	}

}
