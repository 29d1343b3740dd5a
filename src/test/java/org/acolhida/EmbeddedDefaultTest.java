package org.acolhida;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-command run: no profile, so the embedded H2 file database with the demo network and logins.
 * Started twice on the same data folder, as a user restarting it would; the folder and the database
 * files in it are readable by their owner only.
 */
class EmbeddedDefaultTest {

	@TempDir
	Path dataDir;

	/** Not there before the first start, as on a new installation. */
	Path data() {
		return dataDir.resolve("data");
	}

	ConfigurableApplicationContext start() {
		// As command-line arguments: these override application.yaml, as an operator's would.
		return new SpringApplicationBuilder(AcolhidaApplication.class)
			.run("--server.port=0", "--ACOLHIDA_DATA_DIR=" + data());
	}

	static TestRestTemplate client(ConfigurableApplicationContext app, String user) {
		return new TestRestTemplate(user, "demo");
	}

	static String url(ConfigurableApplicationContext app, String path) {
		return "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path;
	}

	@Test
	void shouldRunOnH2WithTheDemoNetworkAndKeepDataAcrossARestart() throws Exception {
		long deployments;
		String managersVersion;
		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
			assertThat(app.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");

			TestRestTemplate ana = client(app, "ana");
			List<?> shelters = ana.getForObject(url(app, "/api/units?kind=SHELTER&municipality=Cremona"), List.class);
			assertThat(shelters).isNotEmpty();

			UnitDirectory directory = app.getBean(UnitDirectory.class);
			Instant thursdayAtHalfPastThree = ZonedDateTime
				.of(LocalDate.of(2026, 10, 1).atTime(15, 30), ZoneId.of("Europe/Rome")).toInstant();
			assertThat(directory.isOpen("CRE-CARITAS-LEGALE", thursdayAtHalfPastThree)).isTrue();

			ResponseEntity<Map> created = client(app, "helena").postForEntity(url(app, "/api/units"),
					Map.of("code", "T-H2-RESTART", "name", "Posto de teste", "kind", "HEALTH", "municipality",
							"Sorocaba", "country", "BR", "timeZone", "America/Sao_Paulo"),
					Map.class);
			assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

			// A manager deploys a changed reception from Camunda Modeler.
			RepositoryService repository = app.getBean(RepositoryService.class);
			BpmnModelInstance changed = Bpmn.readModelFromStream(getClass().getResourceAsStream("/reception.bpmn"));
			changed.getModelElementsByType(Process.class).iterator().next().setName("Reception (manager's version)");
			managersVersion = repository.createDeployment().name("manager's change").source("Camunda Modeler")
				.addModelInstance("reception.bpmn", changed)
				.deploy()
				.getId();
			deployments = repository.createDeploymentQuery().count();
		}

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data())))
			.as("the data folder is its owner's only").isEqualTo("rwx------");

		try (ConfigurableApplicationContext app = start()) {
			try (Stream<Path> files = Files.list(data())) {
				assertThat(files.filter(Files::isRegularFile)).as("the database files after a restart").isNotEmpty()
					.allSatisfy(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
						.as(file.toString()).endsWith("------"));
			}
			assertThat(client(app, "helena").getForEntity(url(app, "/api/units/T-H2-RESTART"), Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
			RepositoryService repository = app.getBean(RepositoryService.class);
			assertThat(repository.createDeploymentQuery().count())
				.as("unchanged protocols are not deployed again").isEqualTo(deployments);
			assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("reception").latestVersion()
				.singleResult().getDeploymentId())
				.as("the manager's version is not overwritten by the older file").isEqualTo(managersVersion);
			assertThat(client(app, "admin").getForEntity(url(app, "/engine-rest/user?maxResults=10"), String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		}
	}

}
