package org.acolhida.units;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo network from {@code demo/units.json}: Sorocaba's CRAS and CREAS, Americana's MigraRe,
 * Cremona's three sites with their summer rota, Aracaju's courses, shelters and document offices.
 * Loaded through the same validation as the REST API; a unit already present is left as it is,
 * so that a manager's changes survive a restart.
 */
@Component
@Profile("demo")
@Order(10)
class DemoUnits implements ApplicationRunner {

	private final ServiceUnitRepository units;

	private final UnitMaintenance maintenance;

	private final ObjectMapper json;

	DemoUnits(ServiceUnitRepository units, UnitMaintenance maintenance, ObjectMapper json) {
		this.units = units;
		this.maintenance = maintenance;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		try (InputStream in = new ClassPathResource("demo/units.json").getInputStream()) {
			for (UnitDto unit : json.readValue(in, UnitDto[].class)) {
				if (!units.existsByCode(unit.code())) {
					maintenance.create(unit);
				}
			}
		}
	}

}
