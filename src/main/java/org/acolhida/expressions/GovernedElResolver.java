package org.acolhida.expressions;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * Puts {@link ExpressionPolicy} in front of the engine's resolvers: every property read and method call
 * of an expression is checked on the object it is made on, before the resolvers behind reach it. JUEL
 * makes every read and call through the context's resolver, so nothing of an expression gets past it.
 */
final class GovernedElResolver extends ELResolver {

	private final ELResolver resolvers;

	GovernedElResolver(ELResolver resolvers) {
		this.resolvers = resolvers;
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		String refusal = ExpressionPolicy.refusalToRead(base, property);
		if (refusal != null) {
			throw new ExpressionRefusedException(refusal);
		}
		return resolvers.getValue(context, base, property);
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
		String refusal = ExpressionPolicy.refusalToCall(base, method == null ? null : method.toString());
		if (refusal != null) {
			throw new ExpressionRefusedException(refusal);
		}
		return resolvers.invoke(context, base, method, paramTypes, params);
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		if (base != null) {
			// Only a variable may be assigned (base null); an object's setters are not for expressions.
			throw new ExpressionRefusedException("sets '" + property + "' of an object");
		}
		resolvers.setValue(context, base, property, value);
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		return resolvers.getType(context, base, property);
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		return base != null || resolvers.isReadOnly(context, base, property);
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return resolvers.getFeatureDescriptors(context, base);
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return resolvers.getCommonPropertyType(context, base);
	}

	@Override
	public Object convertToType(ELContext context, Object obj, Class<?> targetType) {
		return resolvers.convertToType(context, obj, targetType);
	}

}
