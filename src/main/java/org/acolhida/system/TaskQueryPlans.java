package org.acolhida.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterSingleResultCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Has PostgreSQL plan a signed-in worker's task queries with their values and with the costs of
 * today's storage, and only those.
 * <p>
 * The engine checks authorizations in a task query with bit tests on the grants, {@code PERMS_ & ? = ?},
 * given as parameters, and joins them on {@code RESOURCE_ID_ IN (task id, definition key, '*')}.
 * After a statement ran five times PostgreSQL may switch to one generic plan for any values; that plan
 * cannot use the statistics of {@link AuthorizationStatistics}, guesses that a handful of grants match,
 * and compares every task with every grant: with 100,000 open tasks a unit's count takes 20 s instead
 * of 0.3 s. With the default page costs (those of spinning disks) the planner still compares the unit's
 * tasks with all its grants rather than probing the grants' index once per task; with the costs of
 * SSD or memory ({@code random_page_cost} 1.1, {@code cpu_tuple_cost} 0.02) it probes, and the newest
 * 50 with the count take a third of the time (see bench/TaskListBench and its plans). Setting all of
 * this for every statement of the application would cost each of the ~900 statements of a journey its
 * planning time (a quarter of the journeys' throughput, see bench/JourneyBench) and change plans
 * nobody measured; so it holds for the transaction of an authorized task query or task filter alone
 * ({@code set_config(..., true)}, i.e. {@code SET LOCAL}), and not for a query narrowed to one task or
 * instance. PostgreSQL 12 or later; elsewhere nothing changes.
 */
@Component("taskQueryPlans")
class TaskQueryPlans extends AbstractProcessEnginePlugin {

	static final String SETTING = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
			+ " set_config('random_page_cost', '1.1', true), set_config('cpu_tuple_cost', '0.02', true)";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new Interceptor());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

	/** Runs inside the command's transaction, after the engine opened its command context. */
	static final class Interceptor extends CommandInterceptor {

		private volatile Boolean supported;

		@Override
		public <T> T execute(Command<T> command) {
			if (isTaskQuery(command)) {
				CommandContext context = Context.getCommandContext();
				if (context != null && context.isAuthorizationCheckEnabled() && context.getAuthentication() != null) {
					planWithValues(context);
				}
			}
			return next.execute(command);
		}

		/**
		 * A task list: a filter's, or a task query not narrowed to one task, execution or instance
		 * (those find a row or two by id whatever the plan, and are what a journey mostly asks).
		 */
		static boolean isTaskQuery(Command<?> command) {
			if (command instanceof TaskQueryImpl query) {
				return query.getTaskId() == null && query.getExecutionId() == null
						&& query.getProcessInstanceId() == null;
			}
			return command instanceof ExecuteFilterListPageCmd
					|| command instanceof ExecuteFilterListCmd || command instanceof ExecuteFilterCountCmd
					|| command instanceof ExecuteFilterSingleResultCmd;
		}

		private void planWithValues(CommandContext context) {
			try {
				Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
				if (supported == null) {
					// an error would abort the transaction on PostgreSQL: ask first, once
					supported = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
							&& connection.getMetaData().getDatabaseMajorVersion() >= 12;
				}
				if (supported) {
					try (Statement statement = connection.createStatement()) {
						statement.execute(SETTING);
					}
				}
			}
			catch (SQLException e) {
				throw new ProcessEngineException("Could not set the plan mode of a task query", e);
			}
		}

	}

}
