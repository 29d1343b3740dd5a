package org.acolhida;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Acolhida: reception of migrants and refugees across a municipal network of service units.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AcolhidaApplication {

	public static void main(String[] args) {
		SpringApplication.run(AcolhidaApplication.class, args);
	}

}
