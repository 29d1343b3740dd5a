package org.acolhida.retention;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Retention settings and the scheduler of the daily erasure. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration {

}
