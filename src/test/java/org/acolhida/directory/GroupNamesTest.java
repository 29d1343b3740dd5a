package org.acolhida.directory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupNamesTest {

	@Test
	void shouldStripAndAddThePrefixAndMapTheAdministratorsBothWays() {
		GroupNames names = new GroupNames("ACOLHIDA_", "TI-Acolhida-Admins");

		assertThat(names.toEngine("ACOLHIDA_housing.SOR-CRAS-NORTE")).isEqualTo("housing.SOR-CRAS-NORTE");
		assertThat(names.toDirectory("housing.SOR-CRAS-NORTE")).isEqualTo("ACOLHIDA_housing.SOR-CRAS-NORTE");
		assertThat(names.toEngine("ti-acolhida-admins")).as("directories compare names without case")
			.isEqualTo("camunda-admin");
		assertThat(names.toDirectory("camunda-admin")).isEqualTo("TI-Acolhida-Admins");
		assertThat(names.toEngine("Biblioteca")).isEqualTo("Biblioteca");
	}

	@Test
	void shouldUseOurNamesAsTheyAreWithoutAPrefix() {
		GroupNames names = new GroupNames("", "");

		assertThat(names.toEngine("reception")).isEqualTo("reception");
		assertThat(names.toDirectory("SOR-CRAS-NORTE")).isEqualTo("SOR-CRAS-NORTE");
		assertThat(names.toEngine("camunda-admin")).isEqualTo("camunda-admin");
		assertThat(names.toDirectory("camunda-admin")).isEqualTo("camunda-admin");
	}

	@Test
	void shouldTypeRolesUnitsAndTheAdministratorsAsTheApplicationsOwnGroups() {
		assertThat(GroupNames.typeOf("reception")).isEqualTo("ROLE");
		assertThat(GroupNames.typeOf("managers")).isEqualTo("ROLE");
		assertThat(GroupNames.typeOf("SOR-CRAS-NORTE")).isEqualTo("UNIT");
		assertThat(GroupNames.typeOf("reception.SOR-CRAS-NORTE")).isEqualTo("UNIT");
		assertThat(GroupNames.typeOf("camunda-admin")).isEqualTo("SYSTEM");
	}

}
