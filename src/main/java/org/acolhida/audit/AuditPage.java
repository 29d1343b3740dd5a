package org.acolhida.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The auditor's page is static (src/main/resources/static/audit/): {@code /audit} and {@code /audit/}
 * lead to its index. The page holds no data; it asks {@code /api/audit} with the auditor's credentials.
 */
@Configuration(proxyBeanMethods = false)
class AuditPage implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/audit", "/audit/");
		registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
	}

}
