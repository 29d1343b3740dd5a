package org.acolhida.expressions;

import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager with {@link ExpressionPolicy} in force: the resolvers of Spring's
 * manager, but beans limited to those protocols may name, arrays, lists, maps and objects read-only, and
 * every read and call checked first. The engine evaluates every expression through this manager:
 * diagrams, task-list queries, and decision tables in JUEL (the DMN engine takes its EL provider from
 * it).
 */
final class GovernedExpressionManager extends SpringExpressionManager {

	private final ProtocolBeans beans;

	GovernedExpressionManager(ApplicationContext application, ProtocolBeans beans) {
		super(application);
		this.beans = beans;
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver resolvers = new CompositeELResolver();
		resolvers.add(new VariableScopeElResolver());
		resolvers.add(new VariableContextElResolver());
		// Camunda's test mocks: empty unless a test registers one.
		resolvers.add(new MockElResolver());
		resolvers.add(new ProtocolBeansElResolver(beans));
		resolvers.add(new ArrayELResolver(true));
		resolvers.add(new ListELResolver(true));
		resolvers.add(new MapELResolver(true));
		resolvers.add(new BeanELResolver(true));
		return new GovernedElResolver(resolvers);
	}

}
