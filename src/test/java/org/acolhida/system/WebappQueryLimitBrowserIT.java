package org.acolhida.system;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.acolhida.support.Browser;
import org.acolhida.support.Browsers;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.WebappLabels;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webapps' screens work under the engine's cap on query results ({@code query-max-results-limit},
 * 2000 by default): the server refuses no request that Tasklist, Cockpit or Admin send while a person
 * goes through their main screens. Refused requests are read from the browser's network log and
 * written next to the screenshots.
 */
@PostgresIntegrationTest
class WebappQueryLimitBrowserIT {

	static final WebappLabels COCKPIT = WebappLabels.of("cockpit", "pt");

	/**
	 * Refusals that are part of a normal visit, not of a screen: before the login the webapps ask who is
	 * signed in (404: nobody), and they look for the welcome app of the Camunda distribution, which a
	 * Spring Boot application does not have (404).
	 */
	static final List<String> EXPECTED = List.of("404 /camunda/api/admin/auth/user/default", "404 /camunda-welcome");

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Autowired
	RepositoryService repository;

	@Test
	void shouldServeTasklistScreensToAReceptionWorker() throws Exception {
		WebappLabels tasklist = WebappLabels.of("tasklist", "pt");
		Browser browser = browsers.open("pt-BR");
		browser.logInToTasklist("ana", "demo").waitForText(tasklist.get("START_PROCESS"));
		List<String> refused = new ArrayList<>();
		settle(browser, "tasklist", refused);

		browser.waitFor(By.xpath("//a[normalize-space()='" + tasklist.get("START_PROCESS") + "']")).click();
		browser.waitFor(By.cssSelector("ul.processes a"));
		settle(browser, "start-process-dialog", refused);

		assertNoneRefused(browser, refused);
	}

	@Test
	void shouldServeCockpitScreensToAManager() throws Exception {
		Browser browser = cockpit();
		List<String> refused = new ArrayList<>();
		settle(browser, "cockpit-dashboard", refused);

		browser.open("/camunda/app/cockpit/default/#/processes");
		browser.waitForText(COCKPIT.get("COCKPIT_PROCESSES"));
		settle(browser, "cockpit-processes", refused);

		browser.open("/camunda/app/cockpit/default/#/decisions");
		settle(browser, "cockpit-decisions", refused);

		assertNoneRefused(browser, refused);
	}

	/**
	 * Cockpit's page of a process definition lists the definition's versions with
	 * {@code GET process-definition?key=...&sortBy=version&sortOrder=desc} and no {@code maxResults}: the
	 * engine refuses the unbounded query (400 "An unbound number of results is forbidden!") and the page
	 * shows no diagram and no instances.
	 */
	@Test
	void shouldShowAProcessDefinitionInCockpit() throws Exception {
		Browser browser = cockpit();
		List<String> refused = new ArrayList<>();
		settle(browser, "cockpit-dashboard", refused);

		browser.open("/camunda/app/cockpit/default/#/process-definition/" + latestReception() + "/runtime");
		browser.waitFor(By.cssSelector("[cam-widget-bpmn-viewer], .ctn-content"));
		settle(browser, "cockpit-reception-definition", refused);

		assertNoneRefused(browser, refused);
	}

	/** Cockpit's tasks dashboard asks for {@code task/report/candidate-group-count}, which managers may not read (403). */
	@Test
	@Disabled("by design: managers have no READ on tasks (they do not work staff tasks), so Cockpit's tasks dashboard is refused to them")
	void shouldShowTheTasksDashboardInCockpit() throws Exception {
		Browser browser = cockpit();
		List<String> refused = new ArrayList<>();
		settle(browser, "cockpit-dashboard", refused);

		browser.open("/camunda/app/cockpit/default/#/tasks");
		settle(browser, "cockpit-tasks", refused);

		assertNoneRefused(browser, refused);
	}

	private Browser cockpit() {
		Browser browser = browsers.open("pt-BR");
		browser.logIn("cockpit", "helena", "demo").waitForText(COCKPIT.get("DASHBOARD_RUNNING_PROCESS_INSTANCE"));
		return browser;
	}

	private String latestReception() {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey("reception")
			.latestVersion()
			.singleResult()
			.getId();
	}

	@Test
	void shouldServeAdminScreensToTheAdministrator() throws Exception {
		WebappLabels admin = WebappLabels.of("admin", "it");
		Browser browser = browsers.open("it-IT");
		browser.logIn("admin", "admin", "demo").waitForText(admin.get("USERS_USERS"));
		List<String> refused = new ArrayList<>();
		settle(browser, "admin", refused);

		browser.open("/camunda/app/admin/default/#/users");
		settle(browser, "admin-users", refused);
		browser.open("/camunda/app/admin/default/#/groups");
		settle(browser, "admin-groups", refused);
		browser.open("/camunda/app/admin/default/#/authorization?resource=0");
		settle(browser, "admin-authorizations", refused);

		assertNoneRefused(browser, refused);
	}

	/** Waits until the page shows no loading spinner, photographs it and collects refused requests. */
	private void settle(Browser browser, String step, List<String> refused) {
		browser.waitUntil("the page to finish loading", driver -> driver
			.findElements(By.cssSelector(".animate-spin, .loader-state.loading"))
			.stream()
			.noneMatch(WebElement::isDisplayed));
		browser.screenshot(browsers.screenshotName(step));
		for (String request : browser.failedRequests()) {
			String[] statusAndUrl = request.split(" ", 2);
			String path = URI.create(statusAndUrl[1]).getPath();
			if (!EXPECTED.contains(statusAndUrl[0] + " " + path)) {
				refused.add(step + ": " + request + " -> " + browser.get(statusAndUrl[1]));
			}
		}
	}

	private void assertNoneRefused(Browser browser, List<String> refused) throws Exception {
		List<String> lines = new ArrayList<>(refused);
		browser.consoleErrors().forEach(error -> lines.add("console: " + error));
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.write(Browser.SCREENSHOTS.resolve(browsers.screenshotName("refused-requests") + ".txt"), lines);
		assertThat(refused).as("requests the server refused").isEmpty();
	}

}
