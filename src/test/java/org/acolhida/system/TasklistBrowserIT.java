package org.acolhida.system;

import org.acolhida.support.Browser;
import org.acolhida.support.Browsers;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.WebappLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff see Tasklist in the language of their browser: Brazilian Portuguese at the Sorocaba CRAS,
 * Italian at the Cremona desk, English for anyone else; the welcome page, Admin and Cockpit too. The expected
 * words come from the locale files, so a changed translation does not break the test.
 */
@PostgresIntegrationTest
class TasklistBrowserIT {

	/** What Camunda ships: the webjar's en.json (we add no English file of our own). */
	static final WebappLabels ENGLISH = WebappLabels.of("tasklist", "en");

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void shouldShowTasklistInBrazilianPortugueseToABrowserInBrazilianPortuguese() {
		Browser browser = browsers.open("pt-BR");
		WebappLabels portuguese = WebappLabels.of("tasklist", "pt");

		assertLoginPageIn(portuguese, browser.openTasklistLogin());
		browser.screenshot(browsers.screenshotName("login"));

		browser.logInToTasklist("ana", "demo").waitForText(portuguese.get("START_PROCESS"));
		browser.screenshot(browsers.screenshotName("tasklist"));
		assertThat(browser.pageText()).contains(portuguese.get("SELECT_TASK_IN_LIST"))
			.doesNotContain(ENGLISH.get("START_PROCESS"));
	}

	@Test
	void shouldShowTasklistInItalianToABrowserInItalian() {
		Browser browser = browsers.open("it-IT");
		WebappLabels italian = WebappLabels.of("tasklist", "it");

		assertLoginPageIn(italian, browser.openTasklistLogin());
		browser.screenshot(browsers.screenshotName("login"));

		browser.logInToTasklist("giulia", "demo").waitForText(italian.get("START_PROCESS"));
		browser.screenshot(browsers.screenshotName("tasklist"));
		assertThat(browser.pageText()).contains(italian.get("SELECT_TASK_IN_LIST"))
			.doesNotContain(ENGLISH.get("START_PROCESS"));
	}

	@Test
	void shouldShowTasklistInEnglishToABrowserInAnotherLanguage() {
		Browser browser = browsers.open("fr-FR");
		browser.logInToTasklist("davi", "demo").waitForText(ENGLISH.get("START_PROCESS"));
		browser.screenshot(browsers.screenshotName("tasklist"));
	}

	@Test
	void shouldTellAWorkerInTheirLanguageThatTheLoginFailed() {
		Browser browser = browsers.open("it-IT");
		WebappLabels italian = WebappLabels.of("tasklist", "it");

		// A few wrong passwords make this browser wait before it may try luca again: luca is a login no other
		// test uses.
		browser.openTasklistLogin().submitLogin("luca", "not-the-password").waitForText(italian.get("PAGE_LOGIN_FAILED"));
		browser.waitForText(italian.get("PAGE_LOGIN_ERROR_MSG"));
		browser.screenshot(browsers.screenshotName("login-failed"));
		assertThat(browser.driver().findElements(By.cssSelector("form[name=signinForm] input[type=password]")))
			.as("still on the login form").isNotEmpty();
	}

	@Test
	void shouldShowTheWelcomePageLoginInBrazilianPortuguese() {
		Browser browser = browsers.open("pt-BR");

		assertLoginPageIn(WebappLabels.of("welcome", "pt"), browser.openLogin("welcome"));
		browser.screenshot(browsers.screenshotName("login"));
	}

	@Test
	void shouldShowAdminInItalianToABrowserInItalian() {
		Browser browser = browsers.open("it-IT");
		WebappLabels italian = WebappLabels.of("admin", "it");

		assertLoginPageIn(italian, browser.openLogin("admin"));
		browser.logIn("admin", "admin", "demo").waitForText(italian.get("USERS_USERS"));
		browser.screenshot(browsers.screenshotName("admin"));
		assertThat(browser.pageText()).contains(italian.get("AUTHORIZATION_AUTHORIZATIONS"));
	}

	@Test
	void shouldShowCockpitInBrazilianPortugueseToAManagerInBrazil() {
		Browser browser = browsers.open("pt-BR");
		WebappLabels portuguese = WebappLabels.of("cockpit", "pt");

		browser.logIn("cockpit", "helena", "demo").waitForText(portuguese.get("DASHBOARD_RUNNING_PROCESS_INSTANCE"));
		browser.screenshot(browsers.screenshotName("cockpit"));
		assertThat(browser.pageText()).contains(portuguese.get("COCKPIT_PROCESSES"));
	}

	private static void assertLoginPageIn(WebappLabels labels, Browser browser) {
		assertThat(browser.waitFor(By.cssSelector("form[name=signinForm] input[type=text]")).getAttribute("placeholder"))
			.isEqualTo(labels.get("PAGE_LOGIN_USERNAME"));
		assertThat(browser.waitFor(By.cssSelector("form[name=signinForm] input[type=password]")).getAttribute("placeholder"))
			.isEqualTo(labels.get("PAGE_LOGIN_PASSWORD"));
		assertThat(browser.waitFor(By.cssSelector("form[name=signinForm] button[type=submit]")).getText())
			.isEqualTo(labels.get("PAGE_LOGIN_SIGN_IN_ACTION"));
	}

}
