package org.acolhida.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.acolhida.AcolhidaApplication;
import org.acolhida.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application (profiles postgres and demo, random port) on a database of its own in the
 * tests' PostgreSQL server ({@link TestDatabase}), created if missing and kept between runs of one
 * server, so that a benchmark's bulk data neither reaches other tests nor has to be made again.
 * Started and closed by the benchmark itself: unlike the shared test context, it does not stay in
 * memory for the benchmarks that run after it.
 */
final class OwnDatabaseApplication implements AutoCloseable {

	private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

	final String url;

	final ConfigurableApplicationContext context;

	private OwnDatabaseApplication(String url, ConfigurableApplicationContext context) {
		this.url = url;
		this.context = context;
	}

	static OwnDatabaseApplication start(String database, String... properties) {
		String url = createIfMissing(database);
		// As command-line arguments: they must win over application*.yaml and the environment (DB_URL).
		String[] arguments = new String[properties.length + 4];
		arguments[0] = "--spring.datasource.url=" + url;
		arguments[1] = "--spring.datasource.username=" + TestDatabase.user();
		arguments[2] = "--spring.datasource.password=" + TestDatabase.password();
		arguments[3] = "--server.port=0";
		for (int i = 0; i < properties.length; i++) {
			arguments[4 + i] = "--" + properties[i];
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AcolhidaApplication.class)
			.profiles("postgres", "demo")
			.run(arguments);
		return new OwnDatabaseApplication(url, context);
	}

	int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	/** The JDBC URL of the named database on the tests' server; creates the database if missing. */
	static String createIfMissing(String database) {
		Matcher url = JDBC_URL.matcher(TestDatabase.url());
		if (!url.matches()) {
			throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + TestDatabase.url());
		}
		try (Connection connection = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
				TestDatabase.password()); Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement
				.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
				if (!exists.next()) {
					statement.execute("CREATE DATABASE " + database);
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the database " + database, e);
		}
		return url.group(1) + database + url.group(3);
	}

	@Override
	public void close() {
		context.close();
	}

}
