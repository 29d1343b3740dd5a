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
 * Has PostgreSQL plan a signed-in worker's task queries with their values, and only those.
 * <p>
 * The engine checks authorizations in a task query with bit tests on the grants, {@code PERMS_ & ? = ?},
 * given as parameters. After a statement ran five times PostgreSQL may switch to one generic plan for
 * any values; that plan cannot use the statistics of {@link AuthorizationStatistics}, guesses that a
 * handful of grants match, and compares every task with every grant: with 100,000 open tasks a unit's
 * count takes 20 s instead of 0.3 s (see bench/TaskListBench). Planning every statement of the
 * application with its values would cure it too, but costs each of the ~900 statements of a journey
 * its planning time (a quarter of the journeys' throughput, see bench/JourneyBench). So the setting is
 * made for the transaction of an authorized task query or task filter alone ({@code SET LOCAL}).
 * PostgreSQL 12 or later; elsewhere nothing changes.
 */
@Component("taskQueryPlans")
class TaskQueryPlans extends AbstractProcessEnginePlugin {

	static final String SETTING = "SET LOCAL plan_cache_mode = force_custom_plan";

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

		static boolean isTaskQuery(Command<?> command) {
			return command instanceof TaskQueryImpl || command instanceof ExecuteFilterListPageCmd
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
