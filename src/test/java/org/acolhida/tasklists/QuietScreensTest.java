package org.acolhida.tasklists;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "time to migrate to Camunda 8" banner stays hidden: our styles come first on the classpath and
 * hide the element by the class the shipped header template gives it. A Camunda upgrade that renames
 * the class, or a classpath where the webjar's own styles win, fails here.
 */
class QuietScreensTest {

	private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";

	private static final Pattern HIDDEN = Pattern
		.compile("\\[cam-widget-header]\\s+\\.ce-eol-banner\\s*\\{\\s*display:\\s*none;\\s*}");

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void shouldHideTheMigrationBanner(String app) throws IOException {
		List<URL> styles = Collections.list(getClass().getClassLoader().getResources(APP_ROOT + app + "/styles/user-styles.css"));
		assertThat(styles).as("ours and the webjar's").hasSizeGreaterThanOrEqualTo(2);
		assertThat(read(styles.get(0))).as("the styles the webapp is served: %s", styles.get(0)).containsPattern(HIDDEN);

		String header = read(getClass().getClassLoader().getResource(APP_ROOT + app + "/camunda-" + app + "-bootstrap.js"));
		assertThat(header).as("the shipped header still marks the banner so").contains("class=\"ce-eol-banner\"");
	}

	private static String read(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
