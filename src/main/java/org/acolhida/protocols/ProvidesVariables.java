package org.acolhida.protocols;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process variables a delegate sets. The protocol guard reads it to know which variables a
 * process provides, so that a decision table whose inputs the process no longer provides is refused
 * at deployment instead of failing on a family's case.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProvidesVariables {

	String[] value();

}
