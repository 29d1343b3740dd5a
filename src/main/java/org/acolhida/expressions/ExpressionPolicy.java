package org.acolhida.expressions;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.camunda.spin.json.SpinJsonNode;
import org.joda.time.ReadableDuration;
import org.joda.time.ReadableInstant;
import org.joda.time.ReadablePartial;
import org.joda.time.ReadablePeriod;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * What an expression that the engine evaluates may do: one policy, applied twice.
 * <ul>
 * <li>At run time, to every property read and method call ({@link #refusalToCall}, {@link #refusalToRead};
 * see {@link GovernedElResolver}): whatever route brought the expression in — a diagram, a decision
 * table, a stored task list, a future engine bug — it reaches only data (text, numbers, dates, lists,
 * maps, JSON), the read-only accessors of {@code execution} and {@code task}, and the beans marked
 * {@link ExposedToProtocols}. Classes, reflection, the engine's services, identities and every other
 * bean are out of reach.</li>
 * <li>Before deployment and before a task list is stored, on the expression's parsed tree
 * ({@link #problems}): so a manager learns which element is wrong, and nothing of a refused protocol
 * ever runs (a timer start's expression is evaluated while the engine deploys).</li>
 * </ul>
 * An allow-list, not a list of known attacks: a route nobody thought of still ends at a base that is not
 * on it.
 */
public final class ExpressionPolicy {

	/** Where an expression is used, which decides what it may name. */
	public enum Use {
		/** Diagrams and decision tables: variables, execution/task accessors, exposed beans, functions. */
		PROTOCOL,
		/** Stored task lists (filters): only who is signed in and what time it is. */
		STORED_QUERY
	}

	/** What a name in an expression is, when it is not a variable. */
	public enum BeanKind {
		/** No bean has this name: it is a variable. */
		NONE,
		/** A bean that expressions may not see. */
		HIDDEN,
		/** A delegate or listener that a diagram wires by name; it may not be called. */
		WIRED,
		/** A bean marked {@link ExposedToProtocols}: its public methods may be called. */
		EXPOSED
	}

	/** The application's beans as expressions see them. */
	public interface Beans {

		BeanKind kind(String name);

		/** The methods and getter properties of an exposed bean that expressions may use. */
		Set<String> members(String name);

	}

	/** The engine's own functions: who is signed in, and the time. */
	public static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

	/** Names the engine resolves itself, before any variable or bean. */
	static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task");

	/**
	 * What diagrams read from {@code execution} and {@code task}: variables, ids, names, dates. Not
	 * {@code getProcessEngineServices()}, {@code getProcessEngine()}, {@code setVariable} or anything
	 * else that leads to the engine's services or changes state.
	 */
	static final Set<String> ENGINE_OBJECT_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
			"hasVariableLocal", "hasVariables", "hasVariablesLocal", "getVariables", "getVariablesLocal",
			"getVariableNames", "getVariableNamesLocal", "getId", "getProcessInstanceId", "getProcessBusinessKey",
			"getBusinessKey", "getProcessDefinitionId", "getActivityInstanceId", "getParentActivityInstanceId",
			"getCurrentActivityId", "getCurrentActivityName", "getCurrentTransitionId", "getEventName", "getParentId",
			"getTenantId", "getName", "getDescription", "getAssignee", "getOwner", "getTaskDefinitionKey",
			"getPriority", "getDueDate", "getFollowUpDate", "getCreateTime", "getExecutionId");

	/** Never callable, on anything: classes, reflection, the engine's services, Spin's mapping to a class. */
	static final Set<String> DENIED_METHODS = Set.of("getClass", "forName", "getClassLoader", "loadClass",
			"getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getConstructor",
			"getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "getField", "getDeclaredField",
			"newInstance", "invoke", "exec", "getRuntime", "getDeclaringClass", "getModule", "mapTo",
			"getProcessEngineServices", "getProcessEngine", "getProcessEngineConfiguration", "wait", "notify",
			"notifyAll");

	/** Never readable as a property, for the same reasons. */
	static final Set<String> DENIED_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
			"processEngineServices", "processEngine", "processEngineConfiguration", "runtime", "protectionDomain");

	/**
	 * Methods a diagram may call on a variable or on a computed value, whose type is known only at run
	 * time (where {@link #refusalToCall} decides by type): text, collections, JSON, dates.
	 */
	static final Set<String> VALUE_METHODS = Set.of("equals", "toString", "compareTo", "isEmpty", "isBlank",
			"size", "length", "contains", "containsKey", "containsValue", "get", "getOrDefault", "indexOf",
			"startsWith", "endsWith", "toLowerCase", "toUpperCase", "trim", "strip", "substring", "matches",
			"prop", "hasProp", "stringValue", "numberValue", "boolValue", "isNull", "isString", "isNumber",
			"isBoolean", "isArray", "isObject", "isValue", "elements", "fieldNames", "jsonPath", "intValue",
			"longValue", "doubleValue", "before", "after", "getTime", "isBefore", "isAfter", "isEqual",
			"isBeforeNow", "isAfterNow", "plusMinutes", "plusHours", "plusDays", "plusWeeks", "plusMonths",
			"plusYears", "minusMinutes", "minusHours", "minusDays", "minusWeeks", "minusMonths", "minusYears",
			"withTimeAtStartOfDay", "toDate", "toLocalDate", "getYear", "getMonthOfYear", "getDayOfMonth",
			"getDayOfWeek", "getHourOfDay");

	/** Methods of the engine's date functions' results, the only calls a stored task list may make. */
	static final Set<String> DATE_METHODS = Set.of("plusMinutes", "plusHours", "plusDays", "plusWeeks",
			"plusMonths", "plusYears", "minusMinutes", "minusHours", "minusDays", "minusWeeks", "minusMonths",
			"minusYears", "withTimeAtStartOfDay", "toDate");

	private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

	private static final Map<Class<?>, Set<String>> MEMBERS = new ConcurrentHashMap<>();

	private static final Map<Class<?>, Kind> KINDS = new ConcurrentHashMap<>();

	private ExpressionPolicy() {
	}

	// ---- parsed: deployments and stored task lists

	/**
	 * Why an expression (a text with {@code ${...}} or {@code #{...}} parts, or plain text) may not be
	 * used as {@code use}; empty when it may.
	 */
	public static List<String> problems(String text, Use use, Beans beans) {
		Node root;
		try {
			root = PARSER.build(text).getRoot();
		}
		catch (TreeBuilderException e) {
			return List.of("is not a valid expression: " + e.getMessage());
		}
		List<String> problems = new ArrayList<>();
		new Walk(use, beans, problems).visit(root);
		return problems.stream().distinct().toList();
	}

	/** Whether a text holds an expression at all (the engine evaluates only those parts). */
	public static boolean isExpression(String text) {
		return text != null && (text.contains("${") || text.contains("#{"));
	}

	private record Walk(Use use, Beans beans, List<String> problems) {

		void visit(Node node) {
			if (node == null) {
				return;
			}
			if (node instanceof AstMethod method) {
				visitCall(method);
				return;
			}
			if (node instanceof AstDot || node instanceof AstBracket) {
				visitRead((AstNode) node);
				return;
			}
			if (node instanceof AstIdentifier identifier) {
				visitIdentifier(identifier.toString());
				return;
			}
			if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
				problems.add("calls the function '" + function.getName() + "', which does not exist; functions are "
						+ new TreeSet<>(FUNCTIONS));
			}
			children(node);
		}

		private void children(Node node) {
			for (int i = 0; i < node.getCardinality(); i++) {
				visit(node.getChild(i));
			}
		}

		private void visitIdentifier(String name) {
			if (use == Use.STORED_QUERY) {
				problems.add("names '" + name + "': a stored task list may use only " + new TreeSet<>(FUNCTIONS));
				return;
			}
			if (ENGINE_OBJECTS.contains(name)) {
				return;
			}
			if (beans.kind(name) == BeanKind.HIDDEN) {
				problems.add("names the bean '" + name + "', which protocols may not use");
			}
		}

		private void visitCall(AstMethod method) {
			Node property = method.getChild(0);
			Node target = property.getChild(0);
			String name = memberName(property);
			if (name == null) {
				problems.add("calls a method whose name is computed at run time");
			}
			else if (DENIED_METHODS.contains(name)) {
				problems.add("calls '" + name + "': classes, reflection and the engine's services are closed to expressions");
			}
			else if (use == Use.STORED_QUERY) {
				if (!DATE_METHODS.contains(name) || !(target instanceof AstFunction || target instanceof AstMethod)) {
					problems.add("calls '" + name + "': a stored task list may use only " + new TreeSet<>(FUNCTIONS)
							+ " and, on a date, " + new TreeSet<>(DATE_METHODS));
				}
			}
			else if (target instanceof AstIdentifier identifier) {
				checkCallOn(identifier.toString(), name);
			}
			else if (!VALUE_METHODS.contains(name)) {
				problems.add("calls '" + name + "' on a computed value; expressions may call " + new TreeSet<>(VALUE_METHODS));
			}
			if (!(target instanceof AstIdentifier)) {
				visit(target);
			}
			else if (use == Use.STORED_QUERY) {
				visitIdentifier(target.toString());
			}
			if (property instanceof AstBracket) {
				visit(property.getChild(1));
			}
			visit(method.getChild(1));
		}

		private void checkCallOn(String target, String name) {
			if (ENGINE_OBJECTS.contains(target)) {
				if (!ENGINE_OBJECT_METHODS.contains(name)) {
					problems.add("calls '" + name + "' on " + target + ", which offers expressions only "
							+ new TreeSet<>(ENGINE_OBJECT_METHODS));
				}
				return;
			}
			switch (beans.kind(target)) {
				case EXPOSED -> {
					if (!beans.members(target).contains(name)) {
						problems.add("calls '" + name + "' on the bean '" + target + "', which has no such public method");
					}
				}
				case WIRED -> problems.add("calls '" + name + "' on '" + target
						+ "', a delegate or listener: wire it with a delegate expression such as ${" + target + "}");
				case HIDDEN -> problems.add("names the bean '" + target + "', which protocols may not use");
				case NONE -> {
					if (!VALUE_METHODS.contains(name)) {
						problems.add("calls '" + name + "' on the variable '" + target + "'; expressions may call "
								+ new TreeSet<>(VALUE_METHODS));
					}
				}
			}
		}

		private void visitRead(AstNode read) {
			Node target = read.getChild(0);
			String name = memberName(read);
			if (use == Use.STORED_QUERY) {
				problems.add("reads a property: a stored task list may use only " + new TreeSet<>(FUNCTIONS));
			}
			else if (read instanceof AstBracket && name == null) {
				if (!(read.getChild(1) instanceof AstNumber)) {
					problems.add("reads a property whose name is computed at run time; write it out, e.g. a.b or a['b']");
				}
			}
			else if (DENIED_PROPERTIES.contains(name)) {
				problems.add("reads '" + name + "': classes, reflection and the engine's services are closed to expressions");
			}
			else if (target instanceof AstIdentifier identifier) {
				checkReadOn(identifier.toString(), name);
			}
			if (!(target instanceof AstIdentifier) || use == Use.STORED_QUERY) {
				visit(target);
			}
			if (read instanceof AstBracket) {
				visit(read.getChild(1));
			}
		}

		private void checkReadOn(String target, String property) {
			if (ENGINE_OBJECTS.contains(target)) {
				if (!ENGINE_OBJECT_METHODS.contains(getter(property))
						&& !ENGINE_OBJECT_METHODS.contains("is" + capitalised(property))) {
					problems.add("reads '" + property + "' of " + target + ", which offers expressions only "
							+ new TreeSet<>(ENGINE_OBJECT_METHODS));
				}
				return;
			}
			switch (beans.kind(target)) {
				case EXPOSED -> {
					if (!beans.members(target).contains(property)) {
						problems.add("reads '" + property + "' of the bean '" + target + "', which has no such getter");
					}
				}
				case WIRED -> problems.add("reads '" + property + "' of '" + target + "', a delegate or listener");
				case HIDDEN -> problems.add("names the bean '" + target + "', which protocols may not use");
				case NONE -> {
					// a variable's data
				}
			}
		}

	}

	/** The literal name of a property or method ({@code a.b}, {@code a['b']}); null when computed. */
	private static String memberName(Node property) {
		if (property instanceof AstDot dot) {
			// AstDot keeps its name private; its text form is ". name".
			return dot.toString().substring(2);
		}
		if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
			return String.valueOf(literal.eval(null, null));
		}
		return null;
	}

	// ---- at run time: every read and call the engine's resolvers make

	/** Why {@code method} may not be called on {@code base}; null when it may. */
	public static String refusalToCall(Object base, String method) {
		if (base == null || method == null) {
			return "calls a method on nothing";
		}
		if (DENIED_METHODS.contains(method)) {
			return "calls '" + method + "': classes, reflection and the engine's services are closed to expressions";
		}
		return switch (kind(base.getClass())) {
			case ENGINE_OBJECT -> ENGINE_OBJECT_METHODS.contains(method) ? null
					: "calls '" + method + "' on the " + what(base) + ", which offers expressions only its variables and ids";
			case EXPOSED_BEAN -> members(base.getClass()).contains(method) ? null
					: "calls '" + method + "' on " + what(base) + ", which offers no such method";
			case VALUE -> null;
			case CLOSED -> "uses " + what(base) + ", which expressions may not use";
		};
	}

	/** Why {@code property} may not be read from {@code base}; null when it may. */
	public static String refusalToRead(Object base, Object property) {
		if (base == null) {
			return null;
		}
		if (base instanceof Map || base.getClass().isArray() || base instanceof List && property instanceof Number) {
			// the map's, array's or list's own data, read without calling anything of the object
			return null;
		}
		String name = String.valueOf(property);
		if (DENIED_PROPERTIES.contains(name)) {
			return "reads '" + name + "': classes, reflection and the engine's services are closed to expressions";
		}
		return switch (kind(base.getClass())) {
			case ENGINE_OBJECT -> ENGINE_OBJECT_METHODS.contains(getter(name))
					|| ENGINE_OBJECT_METHODS.contains("is" + capitalised(name)) ? null
							: "reads '" + name + "' of the " + what(base) + ", which offers expressions only its variables and ids";
			case EXPOSED_BEAN -> members(base.getClass()).contains(name) ? null
					: "reads '" + name + "' of " + what(base) + ", which offers no such getter";
			case VALUE -> null;
			case CLOSED -> "uses " + what(base) + ", which expressions may not use";
		};
	}

	/** What a bean of this type is to an expression. */
	public static BeanKind beanKind(Class<?> type) {
		if (type == null) {
			return BeanKind.HIDDEN;
		}
		Class<?> user = ClassUtils.getUserClass(type);
		if (AnnotatedElementUtils.hasAnnotation(user, ExposedToProtocols.class)) {
			return BeanKind.EXPOSED;
		}
		if (JavaDelegate.class.isAssignableFrom(user) || ExecutionListener.class.isAssignableFrom(user)
				|| TaskListener.class.isAssignableFrom(user)) {
			return BeanKind.WIRED;
		}
		return BeanKind.HIDDEN;
	}

	/** Public instance methods an exposed bean declares (not Object's), and the properties of its getters. */
	public static Set<String> members(Class<?> type) {
		return MEMBERS.computeIfAbsent(ClassUtils.getUserClass(type), user -> {
			Set<String> members = new TreeSet<>();
			for (Method method : user.getMethods()) {
				if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
						|| method.isBridge() || method.isSynthetic() || DENIED_METHODS.contains(method.getName())) {
					continue;
				}
				members.add(method.getName());
				String name = method.getName();
				if (method.getParameterCount() == 0 && name.length() > 3 && name.startsWith("get")) {
					members.add(decapitalised(name.substring(3)));
				}
				else if (method.getParameterCount() == 0 && name.length() > 2 && name.startsWith("is")) {
					members.add(decapitalised(name.substring(2)));
				}
			}
			return Set.copyOf(members);
		});
	}

	private enum Kind {
		ENGINE_OBJECT, EXPOSED_BEAN, VALUE, CLOSED
	}

	private static Kind kind(Class<?> type) {
		return KINDS.computeIfAbsent(type, ExpressionPolicy::classify);
	}

	private static Kind classify(Class<?> type) {
		if (DelegateExecution.class.isAssignableFrom(type) || DelegateTask.class.isAssignableFrom(type)) {
			return Kind.ENGINE_OBJECT;
		}
		if (beanKind(type) == BeanKind.EXPOSED) {
			return Kind.EXPOSED_BEAN;
		}
		if (CharSequence.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
				|| Boolean.class == type || Character.class == type || Date.class.isAssignableFrom(type)
				|| TemporalAccessor.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type)
				|| Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isEnum()
				|| ReadableInstant.class.isAssignableFrom(type) || ReadablePartial.class.isAssignableFrom(type)
				|| ReadablePeriod.class.isAssignableFrom(type) || ReadableDuration.class.isAssignableFrom(type)
				|| SpinJsonNode.class.isAssignableFrom(type)) {
			return Kind.VALUE;
		}
		return Kind.CLOSED;
	}

	private static String what(Object base) {
		if (base instanceof Class<?>) {
			return "a class";
		}
		return "a " + ClassUtils.getUserClass(base.getClass()).getSimpleName();
	}

	private static String getter(String property) {
		return "get" + capitalised(property);
	}

	private static String capitalised(String name) {
		return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
	}

	private static String decapitalised(String name) {
		return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
	}

}
