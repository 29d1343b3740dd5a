package org.acolhida.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Opens {@link Browser}s on the application of a {@link PostgresIntegrationTest} and closes them after
 * each test; when a test fails, it first saves what each browser shows as
 * {@code target/screenshots/<Test>-<method>-failed[-n].png} (and its HTML as {@code .html}). Use it as a field:
 * <pre>
 * &#64;RegisterExtension
 * final Browsers browsers = new Browsers();
 * </pre>
 */
public final class Browsers implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

	private final List<Browser> open = new ArrayList<>();

	private String baseUrl;

	private String testName;

	/** A new browser on the application, its user preferring {@code language} (e.g. {@code pt-BR}). */
	public Browser open(String language) {
		if (baseUrl == null) {
			throw new IllegalStateException("Browsers opens browsers only inside a test");
		}
		Browser browser = Browser.open(baseUrl, language);
		open.add(browser);
		return browser;
	}

	/** A name for screenshots of the running test: {@code <Test>-<method>-<step>}. */
	public String screenshotName(String step) {
		return testName + "-" + step;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		// 127.0.0.1, not localhost: what a test serves stays on the loopback address
		baseUrl = "http://127.0.0.1:" + port;
		testName = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isEmpty()) {
			return;
		}
		for (int i = 0; i < open.size(); i++) {
			try {
				String name = screenshotName("failed" + (i == 0 ? "" : "-" + (i + 1)));
				open.get(i).screenshot(name);
				open.get(i).savePage(name);
			}
			catch (RuntimeException e) {
				// the browser may be what failed; the test's own error is the one to report
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		open.forEach(Browser::close);
		open.clear();
	}

}
