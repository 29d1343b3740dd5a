package org.acolhida.language;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TasklistSession;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process names in the worker's language where Tasklist shows them: the "Start process" list (its own
 * API, startable definitions only) and a definition read by id, in Portuguese for ana (Sorocaba), in
 * Italian for giulia (Cremona), the diagram's English for the administrator; the engine's cached
 * definition keeps its English name.
 */
@PostgresIntegrationTest
class TranslatedProcessNamesIT {

	static final String START_LIST = "/process-definition?latest=true&active=true&startableInTasklist=true"
			+ "&startablePermissionCheck=true&firstResult=0&maxResults=15&sortBy=name&sortOrder=asc";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	static String translated(String processKey, String language) {
		String name = ProtocolTexts.fromClasspath(ProtocolTexts.fileName(processKey, language)).get("process.name");
		assertThat(name).as("process.name of " + processKey + " in " + language).isNotBlank();
		return name;
	}

	String english(String processKey) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult()
			.getName();
	}

	/** Name by key of the definitions Tasklist offers a worker to start, asked as Tasklist asks. */
	Map<String, String> startList(String user) {
		ResponseEntity<JsonNode> list = rest.exchange("/camunda/api/engine/engine/default" + START_LIST, HttpMethod.GET,
				new HttpEntity<>(TasklistSession.of(rest, user)), JsonNode.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, String> names = new HashMap<>();
		list.getBody().forEach(definition -> names.put(definition.get("key").asText(), definition.get("name").asText()));
		return names;
	}

	@Test
	void shouldOfferProcessesToStartInTheWorkersLanguage() {
		assertThat(startList("ana")).containsEntry("reception", translated("reception", WorkLanguage.PT_BR));
		assertThat(startList("giulia")).containsEntry("reception", translated("reception", WorkLanguage.IT));
		assertThat(startList("admin")).containsEntry("reception", english("reception"));
		assertThat(translated("reception", WorkLanguage.PT_BR)).isNotEqualTo(english("reception"));
	}

	@Test
	void shouldNameADefinitionReadByIdInTheReadersLanguageAndLeaveTheEnginesOwnAlone() {
		ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey("reception")
			.latestVersion().singleResult();
		String english = latest.getName();

		ResponseEntity<JsonNode> giulia = rest.withBasicAuth("giulia", "demo")
			.getForEntity("/engine-rest/process-definition/" + latest.getId(), JsonNode.class);
		ResponseEntity<JsonNode> ana = rest.withBasicAuth("ana", "demo")
			.getForEntity("/engine-rest/process-definition/key/reception", JsonNode.class);

		assertThat(giulia.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(giulia.getBody().get("name").asText()).isEqualTo(translated("reception", WorkLanguage.IT));
		assertThat(ana.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ana.getBody().get("name").asText())
			.isEqualTo(translated("reception", WorkLanguage.PT_BR));
		// the engine shares its cached definition with every reader: still English
		assertThat(repository.getProcessDefinition(latest.getId()).getName()).isEqualTo(english);
		assertThat(english("reception")).isEqualTo(english);
	}

}
