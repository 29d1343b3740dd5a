package org.acolhida.operations;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.mock.env.MockEnvironment;

/**
 * Logging is set up once per JVM: an application started while another one's context is still open
 * keeps that one's console format and levels, and the format, once resolved, stays in a system property
 * that no later application overrides. Tests of the format reset both before they start their
 * application, and put the plain console back afterwards for the tests that follow.
 */
final class ConsoleLogging implements BeforeAllCallback, AfterAllCallback {

	/**
	 * As an extension declared before the application's test annotation: Spring's test listeners may
	 * start the application before any {@code @BeforeAll} method of the class runs.
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		plain();
	}

	/** The next application that starts sets logging up from its own settings. */
	static void reset() {
		LoggingSystem.get(ConsoleLogging.class.getClassLoader()).cleanUp();
		System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
	}

	/** Spring Boot's plain console at INFO, as an application without settings would have it. */
	static void plain() {
		reset();
		LoggingSystem system = LoggingSystem.get(ConsoleLogging.class.getClassLoader());
		system.beforeInitialize();
		system.initialize(new LoggingInitializationContext(new MockEnvironment().withProperty("spring.application.name",
				"acolhida")), null, null);
	}

}
