package org.acolhida.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements one thread sends through a DataSource, exactly: a JDBC batch counts
 * one statement per parameter set, as if each had been sent alone. Only the thread that switched
 * counting on is counted, so that the engine's background threads (metrics, job acquisition) and
 * other tests do not disturb the count. Keeps the count by statement shape (the SQL with its
 * whitespace collapsed) for a breakdown.
 */
public final class StatementCounter implements QueryExecutionListener {

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private volatile Thread counted;

	private long statements;

	private long roundTrips;

	private final Map<String, Long> byShape = new HashMap<>();

	private final Map<String, Long> nanosByShape = new HashMap<>();

	private long nanos;

	private long startedAt;

	/** The DataSource, wrapped so that this counter sees every statement. */
	public DataSource wrap(DataSource dataSource, String name) {
		return ProxyDataSourceBuilder.create(dataSource).name(name).listener(this).build();
	}

	/** Starts counting the calling thread's statements from zero. */
	public synchronized void start() {
		statements = 0;
		roundTrips = 0;
		byShape.clear();
		nanosByShape.clear();
		nanos = 0;
		counted = Thread.currentThread();
	}

	/** Stops counting; the figures stay readable. */
	public void stop() {
		counted = null;
	}

	public synchronized long statements() {
		return statements;
	}

	public synchronized long roundTrips() {
		return roundTrips;
	}

	public synchronized Map<String, Long> byShape() {
		return new HashMap<>(byShape);
	}

	/** Time spent in JDBC executions (from the call until its result came back), in nanoseconds. */
	public synchronized long nanos() {
		return nanos;
	}

	public synchronized Map<String, Long> nanosByShape() {
		return new HashMap<>(nanosByShape);
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		if (counted == Thread.currentThread()) {
			startedAt = System.nanoTime();
		}
	}

	@Override
	public synchronized void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		if (counted != Thread.currentThread()) {
			return;
		}
		long took = System.nanoTime() - startedAt;
		roundTrips++;
		nanos += took;
		for (QueryInfo query : queries) {
			long n = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
			statements += n;
			byShape.merge(shape(query.getQuery()), n, Long::sum);
			nanosByShape.merge(shape(query.getQuery()), took / queries.size(), Long::sum);
		}
	}

	/** The statement with its whitespace collapsed: MyBatis and Spring Data send placeholders already. */
	static String shape(String sql) {
		return SPACE.matcher(sql).replaceAll(" ").trim();
	}

}
