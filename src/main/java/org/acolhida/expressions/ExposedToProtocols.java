package org.acolhida.expressions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose public methods and getters diagrams may call in expressions, e.g.
 * {@code ${receptionSettings.due(execution)}}. No other bean is visible to an expression except the
 * delegates and listeners that diagrams wire by name, and those may not be called (see
 * {@link ExpressionPolicy}). Put it only on beans whose every public method is safe for anybody who
 * deploys a protocol: settings, look-ups, texts; never on a service that changes data or identities.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExposedToProtocols {

}
