package org.acolhida.bench;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Records the SELECTs the engine runs while switched on, with their parameters written into the
 * SQL, so that a benchmark can ask PostgreSQL for their plans (EXPLAIN ANALYZE). Hooks into the
 * engine's MyBatis; only statements of the web server's threads (REST requests) are kept.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
		args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class }))
final class SqlCapture implements Interceptor {

	/** One statement: MyBatis's id and the SQL as PostgreSQL would run it. */
	record Statement(String id, String sql) {
	}

	private final List<Statement> statements = new ArrayList<>();

	private volatile boolean on;

	static SqlCapture installIn(ProcessEngine engine) {
		SqlCapture capture = new SqlCapture();
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
			.getConfiguration()
			.addInterceptor(capture);
		return capture;
	}

	synchronized List<Statement> during(Runnable requests) {
		statements.clear();
		on = true;
		try {
			requests.run();
		}
		finally {
			on = false;
		}
		return List.copyOf(statements);
	}

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		if (on && Thread.currentThread().getName().startsWith("http-")) {
			MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
			Object parameter = invocation.getArgs()[1];
			String sql = inline(statement.getConfiguration(), statement.getBoundSql(parameter), parameter);
			synchronized (statements) {
				statements.add(new Statement(statement.getId(), sql));
			}
		}
		return invocation.proceed();
	}

	@Override
	public Object plugin(Object target) {
		return Plugin.wrap(target, this);
	}

	@Override
	public void setProperties(Properties properties) {
	}

	/** The SQL with each {@code ?} replaced by its value as a literal. */
	static String inline(Configuration configuration, BoundSql bound, Object parameter) {
		StringBuilder sql = new StringBuilder();
		String text = bound.getSql();
		int at = 0;
		for (ParameterMapping mapping : bound.getParameterMappings()) {
			int mark = text.indexOf('?', at);
			if (mark < 0) {
				break;
			}
			sql.append(text, at, mark).append(literal(value(configuration, bound, parameter, mapping.getProperty())));
			at = mark + 1;
		}
		return sql.append(text.substring(at)).toString().replaceAll("\\s+", " ").trim();
	}

	private static Object value(Configuration configuration, BoundSql bound, Object parameter, String property) {
		if (bound.hasAdditionalParameter(property)) {
			return bound.getAdditionalParameter(property);
		}
		if (parameter == null) {
			return null;
		}
		if (configuration.getTypeHandlerRegistry().hasTypeHandler(parameter.getClass())) {
			return parameter;
		}
		return configuration.newMetaObject(parameter).getValue(property);
	}

	private static String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof Date date) {
			SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS");
			format.setTimeZone(TimeZone.getDefault());
			return "'" + format.format(date) + "'";
		}
		return "'" + value.toString().replace("'", "''") + "'";
	}

}
