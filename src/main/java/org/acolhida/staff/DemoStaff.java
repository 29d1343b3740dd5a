package org.acolhida.staff;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.units.UnitDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo logins of the README, from {@code demo/staff.json}; all share the demo password. Runs
 * after the demo units exist, because workgroups are named after them.
 */
@Component
// Not under "ldap": the directory holds the staff, and the engine may not write to it.
@Profile("demo & !ldap")
@Order(20)
class DemoStaff implements ApplicationRunner {

	private final StaffDirectory staff;

	private final UnitDirectory units;

	private final ObjectMapper json;

	private final String password;

	DemoStaff(StaffDirectory staff, UnitDirectory units, ObjectMapper json,
			@Value("${acolhida.demo.password}") String password) {
		this.staff = staff;
		this.units = units;
		this.json = json;
		this.password = password;
	}

	record DemoUser(String id, String firstName, String lastName, String unit, String role) {
	}

	record DemoStaffFile(List<DemoUser> users) {
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		try (InputStream in = new ClassPathResource("demo/staff.json").getInputStream()) {
			for (DemoUser user : json.readValue(in, DemoStaffFile.class).users()) {
				String unitName = user.unit() == null ? null : units.unit(user.unit()).getName();
				staff.enrolDemoLogin(user.id(), user.firstName(), user.lastName(), password, Role.ofGroupId(user.role()),
						user.unit(), unitName);
			}
		}
	}

}
