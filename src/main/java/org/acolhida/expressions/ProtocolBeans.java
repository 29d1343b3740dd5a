package org.acolhida.expressions;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;

/**
 * The application's beans as expressions see them (see {@link ExpressionPolicy.BeanKind}): what the
 * run-time resolver resolves and what the deployment check accepts, from one source.
 */
public final class ProtocolBeans implements ExpressionPolicy.Beans {

	private final ApplicationContext application;

	private final Map<String, ExpressionPolicy.BeanKind> kinds = new ConcurrentHashMap<>();

	public ProtocolBeans(ApplicationContext application) {
		this.application = application;
	}

	@Override
	public ExpressionPolicy.BeanKind kind(String name) {
		return kinds.computeIfAbsent(name, bean -> application.containsBean(bean)
				? ExpressionPolicy.beanKind(application.getType(bean)) : ExpressionPolicy.BeanKind.NONE);
	}

	@Override
	public Set<String> members(String name) {
		return kind(name) == ExpressionPolicy.BeanKind.EXPOSED ? ExpressionPolicy.members(application.getType(name))
				: Set.of();
	}

	/** Whether an expression may name the bean at all (exposed, or a delegate to wire). */
	boolean isVisible(String name) {
		ExpressionPolicy.BeanKind kind = kind(name);
		return kind == ExpressionPolicy.BeanKind.EXPOSED || kind == ExpressionPolicy.BeanKind.WIRED;
	}

	Object bean(String name) {
		return application.getBean(name);
	}

}
