package org.acolhida.expressions;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.query.Query;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Governs the expressions the engine evaluates, inside the engine, whatever URL, webapp or code path
 * brought them in:
 * <ul>
 * <li>every expression is evaluated under {@link ExpressionPolicy} ({@link GovernedExpressionManager});</li>
 * <li>task queries carry no expression at any depth of their or-queries, whether asked directly or to
 * narrow a stored task list; Camunda 7.24 Community checks only the outermost query, and evaluates the
 * or-queries' expressions, which let any signed-in worker run code on the server;</li>
 * <li>a stored task list (filter) may use only who is signed in and the time ({@code ${currentUser()}},
 * {@code ${currentUserGroups()}}, {@code ${now()}}, {@code ${dateTime().plusDays(3)}}), checked when it
 * is saved and again when it is listed (a filter may have been stored before this check);</li>
 * <li>no script runs, in any language: protocols use delegate beans (the deployment check says so to
 * the manager; this holds for whatever got past it).</li>
 * </ul>
 * A refused query is the caller's error (400 over REST), decided before the engine evaluates anything.
 */
@Component
class ExpressionGovernance extends AbstractProcessEnginePlugin {

	private final ApplicationContext application;

	ExpressionGovernance(ApplicationContext application) {
		this.application = application;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setExpressionManager(new GovernedExpressionManager(application, new ProtocolBeans(application)));
		configuration.setScriptEngineResolver(new NoScripts());
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new QueryExpressions());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

	/** Another plugin that set its own expression manager after this one would switch the policy off. */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (!(configuration.getExpressionManager() instanceof GovernedExpressionManager)) {
			throw new IllegalStateException("The engine's expression manager was replaced by "
					+ configuration.getExpressionManager().getClass().getName()
					+ ": expressions would run without the application's policy");
		}
	}

	/**
	 * Refuses task queries with expressions; runs inside the command's context, so that it can read the
	 * stored task list a filter command names.
	 */
	static final class QueryExpressions extends CommandInterceptor {

		private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");

		private static final Field FILTER_ID = field(AbstractExecuteFilterCmd.class, "filterId");

		private static final Field FILTER = field(SaveFilterCmd.class, "filter");

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof TaskQueryImpl query) {
				refuseAny(query, "task queries");
			}
			else if (command instanceof AbstractExecuteFilterCmd filterCommand) {
				refuseAny(read(EXTENDING_QUERY, filterCommand), "the query that narrows a task list");
				Object filterId = read(FILTER_ID, filterCommand);
				CommandContext context = Context.getCommandContext();
				if (filterId instanceof String id && context != null) {
					FilterEntity filter = context.getFilterManager().findFilterById(id);
					if (filter != null) {
						checkStored(filter.getQuery());
					}
				}
			}
			else if (command instanceof SaveFilterCmd save && read(FILTER, save) instanceof Filter filter) {
				checkStored(filter.getQuery());
			}
			return next.execute(command);
		}

		private static void refuseAny(Object query, String what) {
			if (query instanceof TaskQueryImpl taskQuery) {
				for (TaskQueryImpl part : taskQuery.getQueries()) {
					if (!part.getExpressions().isEmpty()) {
						throw new BadUserRequestException("Expressions are not allowed in " + what + " (found "
								+ String.join(", ", part.getExpressions().keySet()) + "Expression)");
					}
				}
			}
		}

		private static void checkStored(Query<?, ?> query) {
			if (!(query instanceof TaskQueryImpl taskQuery)) {
				return;
			}
			for (TaskQueryImpl part : taskQuery.getQueries()) {
				for (Map.Entry<String, String> expression : part.getExpressions().entrySet()) {
					List<String> problems = ExpressionPolicy.problems(expression.getValue(),
							ExpressionPolicy.Use.STORED_QUERY, NO_BEANS);
					if (!problems.isEmpty()) {
						throw new BadUserRequestException("The task list's " + expression.getKey()
								+ " expression is not allowed: it " + String.join("; it ", problems));
					}
				}
			}
		}

		private static final ExpressionPolicy.Beans NO_BEANS = new ExpressionPolicy.Beans() {

			@Override
			public ExpressionPolicy.BeanKind kind(String name) {
				return ExpressionPolicy.BeanKind.HIDDEN;
			}

			@Override
			public java.util.Set<String> members(String name) {
				return java.util.Set.of();
			}

		};

		/**
		 * The engine keeps what a command carries in protected fields; a field renamed by an upgrade of
		 * the engine fails start-up here instead of leaving queries unchecked.
		 */
		private static Field field(Class<?> type, String name) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field;
			}
			catch (NoSuchFieldException e) {
				throw new IllegalStateException("The engine's " + type.getSimpleName() + " has no field '" + name
						+ "' any more: the check of expressions in task queries must be adapted", e);
			}
		}

		private static Object read(Field field, Object command) {
			try {
				return field.get(command);
			}
			catch (IllegalAccessException e) {
				throw new ProcessEngineException("Could not check the expressions of " + command.getClass().getSimpleName(), e);
			}
		}

	}

	/** No script engine, for any language: scripts are not part of any protocol. */
	static final class NoScripts implements ScriptEngineResolver {

		private final ScriptEngineManager none = new ScriptEngineManager(null);

		@Override
		public void addScriptEngineFactory(ScriptEngineFactory factory) {
			// none is added: the point is that there are none
		}

		@Override
		public ScriptEngineManager getScriptEngineManager() {
			return none;
		}

		@Override
		public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
			throw new ProcessEngineException("Scripts are not run here (language '" + language
					+ "'): protocols call delegate beans instead");
		}

	}

}
