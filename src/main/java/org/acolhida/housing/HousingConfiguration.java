package org.acolhida.housing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link HousingProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HousingProperties.class)
class HousingConfiguration {

}
