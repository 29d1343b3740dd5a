package org.acolhida.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.spring.JqwikSpringSupport;
import net.jqwik.api.statistics.Statistics;
import org.acolhida.expressions.ExpressionPolicy;
import org.acolhida.expressions.ExpressionRefusedException;
import org.acolhida.expressions.ProtocolBeans;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated expressions that reach reflection, the engine's services or a hidden bean by different
 * routes (from text, numbers, lists, maps, dates, the execution, exposed, wired and hidden beans; by
 * method, property or bracket; inside conditionals, comparisons, arguments, keys and text), each ending
 * in a payload with an effect. Each is evaluated by the engine against a real execution and checked by
 * the deployment's parser: the evaluation fails without the effect, and the parser refuses it. Tries:
 * {@code -Djqwik.tries.default} (200).
 */
@JqwikSpringSupport
@PostgresIntegrationTest
class ExpressionPolicyPropertiesIT {

	static final Path EXEC = Attacker.marker("exec");

	static final Path FILE = Attacker.marker("file");

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identities;

	@Autowired
	ApplicationContext application;

	@LocalServerPort
	int port;

	String execution;

	/** A waiting instance whose variables are of every kind a route may start from. */
	String execution() {
		if (execution == null) {
			String key = "policy-probe";
			if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
				repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
						Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
							.userTask("task_wait").name("Wait").camundaCandidateGroups("managers").endEvent().done())
					.deploy();
			}
			execution = runtime.startProcessInstanceByKey(key, Variables.createVariables()
				.putValue("text", "abc")
				.putValue("count", 3L)
				.putValue("list", new java.util.ArrayList<>(List.of("a", "b")))
				.putValue("map", new java.util.HashMap<>(Map.of("a", "b"))))
				.getId();
		}
		return execution;
	}

	@AfterProperty
	void noEffect() throws InterruptedException {
		Thread.sleep(200);
		assertThat(EXEC).doesNotExist();
		assertThat(FILE).doesNotExist();
		assertThat(identities.createUserQuery().userId("davi").memberOfGroup("managers").count()).isZero();
	}

	@Property
	void shouldNeitherEvaluateNorDeployAnExpressionThatReachesASink(@ForAll("hostile") String expression) {
		Throwable thrown = evaluate(expression);

		assertThat(thrown).as("evaluated without refusal: " + expression).isNotNull();
		// Most routes must end at the policy itself (a refused read or call, or a bean that expressions
		// cannot name), not at an accident of the values on the way.
		Statistics.label("refused by").collect(refusal(thrown));
		Statistics.label("refused by").coverage(coverage -> coverage.check("something else").percentage(p -> p < 15));
		assertThat(EXEC).doesNotExist();
		assertThat(FILE).doesNotExist();
		assertThat(identities.createUserQuery().userId("davi").memberOfGroup("managers").count()).isZero();
		assertThat(ExpressionPolicy.problems(expression, ExpressionPolicy.Use.PROTOCOL, new ProtocolBeans(application)))
			.as("accepted by the deployment check: " + expression)
			.isNotEmpty();
	}

	@Property(tries = 60)
	void shouldRefuseAHostileTaskQueryWhateverItsPath(@ForAll("hostile") String expression,
			@ForAll("taskQueryPaths") String path, @ForAll("queryFields") String field) throws Exception {
		String body = new ObjectMapper().writeValueAsString(Map.of("orQueries", List.of(Map.of(field, expression))));

		int status = Attacker.basic(port, "ana", "demo").postJson(path, body).statusCode();

		assertThat(status).as(path + " " + field + " " + expression).isBetween(400, 499);
	}

	static String refusal(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof ExpressionRefusedException) {
				return "the policy";
			}
			if (String.valueOf(cause.getMessage()).contains("Cannot resolve identifier")) {
				return "a name expressions cannot see";
			}
		}
		System.err.println("Refused by something else: " + thrown);
		return "something else";
	}

	Throwable evaluate(String expression) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		String id = execution();
		try {
			configuration.getCommandExecutorTxRequiresNew().execute(context -> {
				ExecutionEntity scope = context.getExecutionManager().findExecutionById(id);
				return configuration.getExpressionManager().createExpression(expression).getValue(scope);
			});
			return null;
		}
		catch (RuntimeException e) {
			return e;
		}
	}

	/** Where a route starts: values of every kind, the execution, and beans of every visibility. */
	static final List<String> ROOTS = List.of("''", "\"x\"", "1", "text", "count", "list", "map", "execution",
			"dateTime()", "now()", "currentUser()", "documentationSettings", "receptionSettings", "taskNaming", "identityService",
			"runtimeService", "staffDirectory", "processEngine");

	/** From a root to a java.lang.Class. */
	static final List<String> TO_CLASS = List.of(".getClass()", ".class", "['class']", "['getClass']()",
			".getClass().getClassLoader().loadClass('java.lang.String')");

	/** From a root to the engine's services. */
	static final List<String> TO_SERVICES = List.of(".getProcessEngineServices()", ".processEngineServices",
			"['processEngineServices']", ".getProcessEngine()");

	@Provide
	Arbitrary<String> hostile() {
		Arbitrary<String> root = Arbitraries.of(ROOTS);
		Arbitrary<String> viaClass = Combinators.combine(root, Arbitraries.of(TO_CLASS), Arbitraries.of(
				".forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + EXEC + "')",
				".forName('java.io.File').getConstructor(''.getClass()).newInstance('" + FILE + "').createNewFile()",
				".getClassLoader().loadClass('java.io.File').getConstructor(''.getClass()).newInstance('" + FILE
						+ "').createNewFile()"))
			.as((r, toClass, sink) -> r + toClass + sink);
		Arbitrary<String> viaServices = Combinators.combine(root, Arbitraries.of(TO_SERVICES),
				Arbitraries.of(".getIdentityService().createMembership('davi','managers')",
						".identityService.createMembership('davi','managers')"))
			.as((r, toServices, sink) -> r + toServices + sink);
		Arbitrary<String> viaBean = Arbitraries.of("identityService.createMembership('davi','managers')",
				"staffDirectory.enrol('davi','D','D','x',null,null,null)",
				"runtimeService.startProcessInstanceByKey('reception')");
		Arbitrary<String> route = Arbitraries.oneOf(viaClass, viaServices, viaBean);
		return Combinators.combine(route, Arbitraries.of("${%s}", "#{%s}", "${true ? %s : 0}", "${empty %s}",
				"${(%s) == null}", "${!(%s)}", "${map[%s]}", "${documentationSettings.due(%s)}", "case ${%s} text",
				"${text.concat(%s)}", "${1 + (%s)}")).as((r, wrapper) -> wrapper.formatted(r));
	}

	@Provide
	Arbitrary<String> taskQueryPaths() {
		return Arbitraries.of(ExpressionAttacksIT.TASK_COUNT_PATHS).map(path -> "/engine-rest" + path);
	}

	@Provide
	Arbitrary<String> queryFields() {
		return Arbitraries.of("assigneeExpression", "candidateGroupExpression", "candidateUserExpression",
				"dueBeforeExpression", "ownerExpression", "followUpAfterExpression", "involvedUserExpression");
	}

}
