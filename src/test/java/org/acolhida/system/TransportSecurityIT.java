package org.acolhida.system;

import java.util.Map;

import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Transport and serialization hardening of the REST APIs. */
@PostgresIntegrationTest
class TransportSecurityIT {

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldSendStrictTransportSecurityOnlyOverHttps() {
		HttpHeaders viaTlsProxy = new HttpHeaders();
		viaTlsProxy.set("X-Forwarded-Proto", "https");

		ResponseEntity<String> secure = rest.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(viaTlsProxy),
				String.class);
		ResponseEntity<String> plain = rest.getForEntity("/actuator/health", String.class);

		assertThat(secure.getHeaders().getFirst("Strict-Transport-Security")).startsWith("max-age=");
		assertThat(plain.getHeaders().containsKey("Strict-Transport-Security")).isFalse();
	}

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Test
	void shouldRefuseJavaSerializedVariables() {
		if (repository.createProcessDefinitionQuery().processDefinitionKey("serialization-test").count() == 0) {
			repository.createDeployment()
				.addModelInstance("serialization-test.bpmn", Bpmn.createExecutableProcess("serialization-test")
					.camundaHistoryTimeToLive(1).startEvent().userTask("task_wait").endEvent().done())
				.deploy();
		}
		long before = runtime.createProcessInstanceQuery().processDefinitionKey("serialization-test").count();
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("admin", "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		// A serialized java.util.ArrayList (rO0AB... is the Java serialization stream header).
		Map<String, Object> variable = Map.of("value", "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==",
				"type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
						"serializationDataFormat", "application/x-java-serialized-object"));

		ResponseEntity<String> response = rest.exchange("/engine-rest/process-definition/key/serialization-test/start",
				HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of("payload", variable)), headers),
				String.class);

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsIgnoringCase("serializ");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("serialization-test").count())
			.isEqualTo(before);
	}

}
