package org.acolhida.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL that integration tests run on: the server that {@code DB_URL} (with {@code DB_USER}
 * and {@code DB_PASSWORD}) points at, or else a PostgreSQL 17 started once inside the test JVM.
 * A test that cannot reach it fails; it never skips.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres embedded;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.datasource.url=" + url(), "spring.datasource.username=" + user(),
				"spring.datasource.password=" + password())
			.applyTo(context);
	}

	public static synchronized String url() {
		String url = System.getenv("DB_URL");
		if (url != null && !url.isBlank()) {
			return url;
		}
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
			}
			// Stop the server only after every application context has closed: stopped earlier,
			// the engine's shutdown would wait on a database that is gone.
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					embedded.close();
				}
				catch (IOException e) {
					// the JVM is going away; nothing left to clean
				}
			});
		}
		return embedded.getJdbcUrl("postgres", "postgres");
	}

	public static String user() {
		return System.getenv("DB_URL") == null ? "postgres" : env("DB_USER", "acolhida");
	}

	public static String password() {
		return System.getenv("DB_URL") == null ? "postgres" : env("DB_PASSWORD", "acolhida");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

}
