package org.acolhida.expressions;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * Resolves a name to a bean only when protocols may name it: an {@link ExposedToProtocols} bean or a
 * delegate or listener. Spring's own resolver, which this replaces, resolves every bean of the
 * application, the engine's services among them. Any other name stays unresolved, as an unknown
 * variable is.
 */
final class ProtocolBeansElResolver extends ELResolver {

	private final ProtocolBeans beans;

	ProtocolBeansElResolver(ProtocolBeans beans) {
		this.beans = beans;
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base == null && property instanceof String name && beans.isVisible(name)) {
			context.setPropertyResolved(true);
			return beans.bean(name);
		}
		return null;
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		if (base == null && property instanceof String name && beans.isVisible(name)) {
			throw new PropertyNotWritableException("Cannot set the bean '" + name + "'");
		}
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		return true;
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		return null;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return Collections.emptyIterator();
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return base == null ? Object.class : null;
	}

}
