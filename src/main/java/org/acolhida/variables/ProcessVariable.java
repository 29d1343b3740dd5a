package org.acolhida.variables;

import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable, declared once with its name and type, read and written without casts:
 * {@code CASE_NUMBER.from(execution).get()}, {@code HOLD_ID.on(execution).set(id)}. Modelled on
 * holunda-io/camunda-bpm-data's {@code VariableFactory}, without the library: the backing class of
 * each process declares its variables with the factories below, {@link CaseVariables} the ones every
 * process of a case shares.
 * <p>
 * A stored value of another type is a fault (a diagram or a caller wrote the wrong thing) and is
 * refused with an {@link IllegalStateException} naming the variable; numbers are read whatever
 * {@link Number} the engine or a form stored (a form's number arrives as a Long or a Double).
 *
 * @param <T> the type a delegate reads and writes
 */
public final class ProcessVariable<T> {

	private final String name;

	private final Class<T> type;

	private final Function<Object, T> read;

	private ProcessVariable(String name, Class<T> type, Function<Object, T> read) {
		this.name = Objects.requireNonNull(name);
		this.type = type;
		this.read = read;
	}

	public static ProcessVariable<String> stringVariable(String name) {
		return of(name, String.class);
	}

	public static ProcessVariable<Boolean> booleanVariable(String name) {
		return of(name, Boolean.class);
	}

	public static ProcessVariable<Date> dateVariable(String name) {
		return of(name, Date.class);
	}

	/** A whole number, read from any {@link Number} stored. */
	public static ProcessVariable<Long> longVariable(String name) {
		return number(name, Long.class, Number::longValue);
	}

	/** A small whole number, read from any {@link Number} stored. */
	public static ProcessVariable<Integer> intVariable(String name) {
		return number(name, Integer.class, Number::intValue);
	}

	private static <T> ProcessVariable<T> of(String name, Class<T> type) {
		return new ProcessVariable<>(name, type, value -> type.cast(value));
	}

	private static <T> ProcessVariable<T> number(String name, Class<T> type, Function<Number, T> convert) {
		return new ProcessVariable<>(name, type, value -> value instanceof Number number ? convert.apply(number)
				: type.cast(value));
	}

	/** The name the diagrams, forms and decision tables use. */
	public String getName() {
		return name;
	}

	/** This variable as seen from an execution or a task (the nearest scope that has it). */
	public Access from(VariableScope scope) {
		return new Access(scope);
	}

	/** The same as {@link #from}; reads better before {@code set}: {@code HOLD_ID.on(execution).set(id)}. */
	public Access on(VariableScope scope) {
		return new Access(scope);
	}

	/** This variable's value in a map of variables, e.g. those a start or a completion passes. */
	public Optional<T> from(Map<String, ?> variables) {
		return Optional.ofNullable(convert(variables == null ? null : variables.get(name)));
	}

	/** Puts a value under this variable's name into a map of variables that starts or correlates. */
	public void put(Map<String, Object> variables, T value) {
		variables.put(name, value);
	}

	private T convert(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return read.apply(value);
		}
		catch (ClassCastException e) {
			throw new IllegalStateException("Process variable '" + name + "' holds a "
					+ value.getClass().getSimpleName() + ", not a " + type.getSimpleName(), e);
		}
	}

	@Override
	public String toString() {
		return name + " (" + type.getSimpleName() + ")";
	}

	/** Reads and writes the variable in one scope. */
	public final class Access {

		private final VariableScope scope;

		private Access(VariableScope scope) {
			this.scope = scope;
		}

		/** The value; a missing one is a fault of the diagram that should have set it. */
		public T get() {
			T value = getOrNull();
			if (value == null) {
				throw new IllegalStateException("Process variable '" + name + "' is not set");
			}
			return value;
		}

		public Optional<T> getOptional() {
			return Optional.ofNullable(getOrNull());
		}

		public T getOrNull() {
			return convert(scope.getVariable(name));
		}

		public T getOrDefault(T fallback) {
			return getOptional().orElse(fallback);
		}

		/** The value in this very scope, not an enclosing one's. */
		public Optional<T> getLocalOptional() {
			return Optional.ofNullable(convert(scope.getVariableLocal(name)));
		}

		/** Sets the value where the variable lives, else on the process instance (the engine's rule). */
		public void set(T value) {
			scope.setVariable(name, value);
		}

		/** Sets the value in this very scope: a sub-process instance's own copy. */
		public void setLocal(T value) {
			scope.setVariableLocal(name, value);
		}

		public void remove() {
			scope.removeVariable(name);
		}

	}

}
