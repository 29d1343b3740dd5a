package org.acolhida.protocols;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.acolhida.expressions.ExpressionPolicy;
import org.acolhida.expressions.ProtocolBeans;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Refuses, at deployment, a diagram, decision table or form that would break the application (see
 * {@link ProtocolCheck}): whether it comes from Camunda Modeler's Deploy button, the REST API or the
 * {@code processes/} folder at start-up. A refused deployment writes nothing and answers with the
 * engine's parse error, so REST callers get 400 with one message per problem.
 */
@Component
class ProtocolGuard extends AbstractProcessEnginePlugin {

	private final ApplicationContext application;

	ProtocolGuard(ApplicationContext application) {
		this.application = application;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreDeployers());
		deployers.add(this::check);
		configuration.setCustomPreDeployers(deployers);
	}

	private void check(DeploymentEntity deployment) {
		if (!deployment.isNew()) {
			// The engine also runs deployers to refill its cache from what was deployed long ago.
			return;
		}
		Map<String, byte[]> resources = new LinkedHashMap<>();
		deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
		List<ProtocolProblem> problems = new ProtocolCheck(new EngineDeployed(Context.getCommandContext()), beans())
			.check(resources);
		if (!problems.isEmpty()) {
			String message = "Deployment '" + deployment.getName() + "' refused: "
					+ problems.stream().map(ProtocolProblem::toString).collect(Collectors.joining("; "));
			throw new ParseException(message, problems.get(0).resource(), List.copyOf(problems), List.of());
		}
	}

	ProtocolCheck.Beans beans() {
		ProtocolBeans protocolBeans = new ProtocolBeans(application);
		return new ProtocolCheck.Beans() {

			@Override
			public ExpressionPolicy.BeanKind kind(String name) {
				return protocolBeans.kind(name);
			}

			@Override
			public Set<String> members(String name) {
				return protocolBeans.members(name);
			}

			@Override
			public boolean exists(String name) {
				return application.containsBean(name);
			}

			@Override
			public Set<String> provides(String name) {
				ProvidesVariables provides = application.findAnnotationOnBean(name, ProvidesVariables.class);
				return provides == null ? Set.of() : Set.of(provides.value());
			}

		};
	}

	/** What is deployed, read inside the deployment's own command, without authorization checks. */
	private record EngineDeployed(CommandContext context) implements ProtocolCheck.Deployed {

		@Override
		public Optional<String> latestForm(String formKey) {
			return Optional.ofNullable(context.runWithoutAuthorization(
					() -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formKey)))
				.flatMap(this::text);
		}

		@Override
		public Optional<String> latestDecisionResource(String decisionKey) {
			return Optional.ofNullable(context.runWithoutAuthorization(
					() -> context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(decisionKey)))
				.flatMap(this::text);
		}

		@Override
		public List<String> latestProcesses() {
			return context.runWithoutAuthorization(() -> context.getProcessDefinitionManager()
				.findProcessDefinitionsByQueryCriteria(
						(ProcessDefinitionQueryImpl) new ProcessDefinitionQueryImpl().latestVersion(), new Page(0, 10_000))
				.stream()
				.map(ResourceDefinition.class::cast)
				.map(this::text)
				.flatMap(Optional::stream)
				.toList());
		}

		private Optional<String> text(ResourceDefinition definition) {
			ResourceEntity resource = context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
			return Optional.ofNullable(resource).map(r -> new String(r.getBytes(), StandardCharsets.UTF_8));
		}

	}

}
