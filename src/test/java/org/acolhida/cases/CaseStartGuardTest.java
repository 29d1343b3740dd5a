package org.acolhida.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule of {@link CaseStartGuard} on a diagram a manager deploys and grants in Admin, so that the
 * roles come from the engine's grants and not from our own diagrams: which role may start it is
 * whatever group holds {@code CREATE_INSTANCE}, at the case's unit.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:case-start-guard;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false",
		"camunda.bpm.deployment-resource-pattern=classpath*:**/housing-*.bpmn,classpath*:**/*.form" })
@ActiveProfiles("demo")
class CaseStartGuardTest {

	static final String KEY = "home-visit";

	static final String SOR = "SOR-CRAS-NORTE";

	static final String CRE = "CRE-CARITAS-IMMIGRAZIONE";

	/** Documentation at Sorocaba, housing at Cremona: only the housing role may start a home visit. */
	static final List<String> TWO_UNITS = List.of("documentation", "documentation." + SOR, SOR, "housing",
			"housing." + CRE, CRE);

	@Autowired
	CaseFiles cases;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentityService identity;

	String sorocabaCase;

	String cremonaCase;

	@BeforeEach
	void homeVisitsGrantedToHousing() {
		if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
			repository.createDeployment()
				.addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).name("Home visit")
					.camundaHistoryTimeToLive(180).startEvent().userTask("task_visit").name("Visit").endEvent().done())
				.deploy();
			grant("housing", Resources.PROCESS_DEFINITION, KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
			grant("housing", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		}
		sorocabaCase = household(SOR);
		cremonaCase = household(CRE);
	}

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	@Test
	void shouldLetStartOnlyAtTheUnitWhereTheStarterHasTheRoleTheEngineGrants() {
		identity.setAuthentication("multi", TWO_UNITS);

		assertThat(runtime.startProcessInstanceByKey(KEY, cremonaCase).getBusinessKey()).isEqualTo(cremonaCase);
		// at Sorocaba they work as documentation adviser, which may not start home visits
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, sorocabaCase))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining(sorocabaCase);
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, Map.of("caseNumber", sorocabaCase)))
			.isInstanceOf(AuthorizationException.class);
		// a unit code of the case's unit but another case: the case decides
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, cremonaCase,
				Map.of("caseNumber", sorocabaCase))).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, cremonaCase, Map.of("unitCode", SOR)))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, Map.of("unitCode", SOR)))
			.isInstanceOf(AuthorizationException.class);
		assertThat(runtime.startProcessInstanceByKey(KEY, Map.of("unitCode", CRE)).getId()).isNotNull();

		identity.clearAuthentication();
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(sorocabaCase)
			.count()).isZero();
	}

	@Test
	void shouldNotBeSkippedByStartingAtAnActivityWithoutListeners() {
		identity.setAuthentication("multi", TWO_UNITS);

		assertThatThrownBy(() -> runtime.createProcessInstanceByKey(KEY).businessKey(sorocabaCase)
			.startBeforeActivity("task_visit").execute(true, true)).isInstanceOf(AuthorizationException.class);

		identity.clearAuthentication();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(sorocabaCase).count()).isZero();
	}

	@Test
	void shouldLetTheEngineItselfAndTheAdministratorStartForAnyCase() {
		assertThat(runtime.startProcessInstanceByKey(KEY, sorocabaCase).getId()).isNotNull();
		identity.setAuthentication("admin", List.of("camunda-admin"));
		assertThat(runtime.startProcessInstanceByKey(KEY, cremonaCase).getId()).isNotNull();
	}

	String household(String unit) {
		return cases.open(new NewCase(unit, new NewPerson(null, "Tomás", "Ibarra", LocalDate.of(1979, 3, 9), "Bolivia",
				List.of("es"), List.of()), null, false), "ana").getCaseNumber();
	}

	void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizations.saveAuthorization(authorization);
	}

}
