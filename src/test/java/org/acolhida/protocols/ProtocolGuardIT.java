package org.acolhida.protocols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.acolhida.support.ModelerDeployment;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments as Camunda Modeler makes them ({@code POST /engine-rest/deployment/create}): what would
 * break the application is refused with 400 and a message naming the problem, and nothing is deployed.
 */
@PostgresIntegrationTest
class ProtocolGuardIT {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	ProtocolGuard guard;

	static String key() {
		return "guard-test-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
	}

	ResponseEntity<String> deploy(String user, Map<String, String> files) {
		return ModelerDeployment.deploy(rest, user, files);
	}

	static String form(String id, String... keys) {
		StringBuilder components = new StringBuilder();
		for (String key : keys) {
			components.append(components.isEmpty() ? "" : ",")
				.append("{\"type\":\"checkbox\",\"id\":\"").append(key).append("\",\"key\":\"").append(key)
				.append("\",\"label\":\"").append(key).append("\"}");
		}
		return "{\"id\":\"" + id + "\",\"type\":\"default\",\"schemaVersion\":16,\"components\":[" + components + "]}";
	}

	static String decision(String id, String input) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d_%1$s" name="d" namespace="http://camunda.org/schema/1.0/dmn">
				  <decision id="%1$s" name="Test decision" camunda:historyTimeToLive="180">
				    <decisionTable id="t_%1$s" hitPolicy="FIRST">
				      <input id="in_1" label="Input"><inputExpression id="ie_1" typeRef="boolean"><text>%2$s</text></inputExpression></input>
				      <output id="out_1" label="Priority" name="priority" typeRef="string" />
				      <rule id="r_1"><inputEntry id="e_1"><text>true</text></inputEntry><outputEntry id="o_1"><text>"HIGH"</text></outputEntry></rule>
				      <rule id="r_2"><inputEntry id="e_2"><text>-</text></inputEntry><outputEntry id="o_2"><text>"NORMAL"</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(id, input);
	}

	/** A process whose user task uses the form, followed by a business rule task on the decision. */
	static BpmnModelInstance process(String key, String formRef, String decisionRef) {
		return Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(180)
			.startEvent()
			.userTask("task_listen").name("Listen").camundaFormRef(formRef).camundaFormRefBinding("latest")
			.businessRuleTask("rule_decide").name("Decide").camundaDecisionRef(decisionRef)
			.camundaMapDecisionResult("singleEntry").camundaResultVariable("priority")
			.endEvent()
			.done();
	}

	long deployments() {
		return repository.createDeploymentQuery().count();
	}

	void assertRefused(Map<String, String> files, String... messages) {
		long before = deployments();

		ResponseEntity<String> response = deploy("helena", files);

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains(messages);
		assertThat(deployments()).isEqualTo(before);
	}

	@Test
	void shouldDeployAProtocolThatFits() {
		String key = key();
		ResponseEntity<String> response = deploy("helena", Map.of(key + ".bpmn",
				Bpmn.convertToString(process(key, key + "-form", key + "-decision")), key + ".form",
				form(key + "-form", "needsHousing"), key + ".dmn", decision(key + "-decision", "needsHousing")));

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
	}

	@Test
	void shouldRefuseStaffAndAuditors() {
		String key = key();
		Map<String, String> files = Map.of(key + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(180).startEvent().endEvent().done()));

		assertThat(deploy("ana", files).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy("otavio", files).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
	}

	@Test
	void shouldRefuseAProcessWithoutHistoryTimeToLive() {
		String key = key();
		BpmnModelInstance model = Bpmn.createExecutableProcess(key).startEvent().endEvent().done();
		// The model API's builder sets 180 days by default; a diagram drawn elsewhere may have none.
		model.getModelElementsByType(Process.class).forEach(process -> process.setCamundaHistoryTimeToLiveString(null));

		assertRefused(Map.of(key + ".bpmn", Bpmn.convertToString(model)), "process '" + key + "' has no History Time To Live");
	}

	@Test
	void shouldRefuseADecisionWithoutHistoryTimeToLive() {
		String key = key();
		assertRefused(Map.of(key + ".dmn", decision(key, "needsHousing").replace(" camunda:historyTimeToLive=\"180\"", "")),
				"decision '" + key + "' has no History Time To Live");
	}

	@Test
	void shouldRefuseADelegateExpressionNamingNoBean() {
		String key = key();
		assertRefused(Map.of(key + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(180).startEvent()
			.serviceTask("service_find_shelter").camundaDelegateExpression("${findShelterDelegat}")
			.endEvent().done())), "service_find_shelter", "${findShelterDelegat}", "names no bean");
	}

	@Test
	void shouldRefuseAClassNameOrAScript() {
		String key = key();
		assertRefused(Map.of(key + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(180).startEvent()
			.serviceTask("service_by_class").camundaClass("org.example.Anything")
			.scriptTask("script_inline").scriptFormat("javascript").scriptText("1+1")
			.endEvent().done())), "camunda:class", "scripts are not allowed");
	}

	@Test
	void shouldRefuseAReferenceToAMissingForm() {
		String key = key();
		assertRefused(Map.of(key + ".bpmn", Bpmn.convertToString(process(key, key + "-no-such-form", key + "-decision")),
				key + ".dmn", decision(key + "-decision", "needsHousing")), "form '" + key + "-no-such-form'");
	}

	@Test
	void shouldRefuseADecisionReadingAVariableTheProcessDoesNotProvide() {
		String key = key();
		assertRefused(Map.of(key + ".bpmn", Bpmn.convertToString(process(key, key + "-form", key + "-decision")),
				key + ".form", form(key + "-form", "needsHousing"), key + ".dmn",
				decision(key + "-decision", "needsHosuing")), "reads [needsHosuing]");
	}

	@Test
	void shouldRefuseADecisionTableDeployedAloneThatNoLongerFitsADeployedProcess() {
		String key = key();
		assertThat(deploy("helena", Map.of(key + ".bpmn",
				Bpmn.convertToString(process(key, key + "-form", key + "-decision")), key + ".form",
				form(key + "-form", "needsHousing"), key + ".dmn", decision(key + "-decision", "needsHousing")))
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		assertRefused(Map.of(key + ".dmn", decision(key + "-decision", "sleepingRough")), "reads [sleepingRough]",
				"process '" + key + "'");
	}

	@Test
	void shouldDeployAFormWithItsTranslationsAndTheTaskNames() {
		String key = key();
		ResponseEntity<String> response = deploy("helena", Map.of(key + ".bpmn",
				Bpmn.convertToString(process(key, key + "-form", key + "-decision")), key + ".form",
				form(key + "-form", "needsHousing"), key + ".dmn", decision(key + "-decision", "needsHousing"),
				"i18n/" + key + "-form_pt_BR.properties", "needsHousing.label=Precisa de abrigo\n",
				key + "_it.properties", "process.name=Ascolto\ntask_listen=Ascoltare\n"));

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldRefuseATranslationOfAFieldTheFormDoesNotHave() {
		String key = key();
		assertRefused(Map.of(key + ".form", form(key + "-form", "needsHousing"),
				"i18n/" + key + "-form_it.properties", "needsHousing.label=Serve un alloggio\nneedsHosuing.label=Alloggio\n"),
				"translates [needsHosuing.label], which form '" + key + "-form' does not have");
	}

	@Test
	void shouldRefuseATranslationOfAnOptionTheFormDoesNotHave() {
		String key = key();
		String form = """
				{"id":"%s-form","type":"default","schemaVersion":16,"components":[{"type":"select","id":"kind",
				"key":"kind","label":"Kind","values":[{"label":"Housing","value":"HOUSING"}]}]}""".formatted(key);
		assertRefused(Map.of(key + ".form", form, "i18n/" + key + "-form_pt_BR.properties",
				"kind.values.HOUSING=Abrigo\nkind.values.SHELTER=Abrigo\n"), "translates [kind.values.SHELTER]");
	}

	@Test
	void shouldRefuseATaskNameForATaskTheProcessDoesNotHave() {
		String key = key();
		assertRefused(Map.of(key + ".bpmn", Bpmn.convertToString(process(key, key + "-form", key + "-decision")),
				key + ".form", form(key + "-form", "needsHousing"), key + ".dmn", decision(key + "-decision", "needsHousing"),
				key + "_pt_BR.properties", "task_listen=Escutar\ntask_lisen=Escutar\n"),
				"names [task_lisen], which are not user tasks of process '" + key + "'");
	}

	@Test
	void shouldRefuseATranslationThatNamesNothingDeployed() {
		String key = key();
		assertRefused(Map.of("i18n/" + key + "-nothing_it.properties", "x.label=X\n"), "names neither a form nor a process");
	}

	@Test
	void shouldRefuseACopyOfAFormInAnotherLanguage() {
		String key = key();
		assertRefused(Map.of(key + ".form", form(key + "-form", "needsHousing"), key + ".pt-BR.form",
				form(key + "-form-pt-BR", "needsHousing")), key + ".pt-BR.form", "is a copy of a form in another language");
	}

	@Test
	void shouldAcceptEveryFileInTheProcessesFolder() throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		Path processes = Path.of("processes");
		try (Stream<Path> paths = Files.walk(processes)) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				// the bundles under i18n/ as a manager deploys them with the form, folder and all
				files.put(processes.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
			}
		}
		assertThat(files.keySet()).anyMatch(name -> name.startsWith("i18n/"));
		ProtocolCheck.Deployed nothing = new ProtocolCheck.Deployed() {
			@Override
			public java.util.Optional<String> latestForm(String formKey) {
				return java.util.Optional.empty();
			}

			@Override
			public java.util.Optional<String> latestDecisionResource(String decisionKey) {
				return java.util.Optional.empty();
			}

			@Override
			public List<String> latestProcesses() {
				return List.of();
			}
		};

		assertThat(new ProtocolCheck(nothing, guard.beans()).check(files)).isEmpty();
	}

}
