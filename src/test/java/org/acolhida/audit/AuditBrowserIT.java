package org.acolhida.audit;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.reception.ReceptionProcess.Elements;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.reception.ReceptionService;
import org.acolhida.support.Browser;
import org.acolhida.support.Browsers;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor otavio signs in to /audit/, finds a case that ana received and transferred, reads its
 * timeline and sees the path the case took drawn on the reception diagram.
 */
@PostgresIntegrationTest
class AuditBrowserIT {

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Autowired
	ReceptionService receptions;

	@Autowired
	CaseFiles cases;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	String receivedAndTransferred() {
		identity.setAuthentication("ana",
				identity.createGroupQuery().groupMember("ana").list().stream().map(Group::getId).toList());
		ProcessInstance reception = receptions.start(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Nadège",
				"Brouillard", LocalDate.of(1991, 2, 11), "Haiti", List.of("ht", "fr"), List.of()), "Éden", true), "ana");
		Task household = tasks.createTaskQuery().processInstanceId(reception.getId()).singleResult();
		tasks.claim(household.getId(), "ana");
		tasks.complete(household.getId(), Map.of(Variables.HOUSEHOLD_MEMBERS, SpinValues.jsonValue("""
				[{"relation":"CHILD","givenName":"Samuel","familyName":"Brouillard","birthDate":"2019-06-20",
				  "nationality":"Haiti","languages":"ht"}]""").create()));
		Task listening = tasks.createTaskQuery().processInstanceId(reception.getId()).singleResult();
		tasks.claim(listening.getId(), "ana");
		// a draft kept with the task as an integration would (staff only work their tasks)
		Authentication worker = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		tasks.setVariable(listening.getId(), Variables.LISTENING_NOTES, "first contact");
		identity.setAuthentication(worker);
		tasks.complete(listening.getId(), Map.of(Variables.NEEDS_HOUSING, true, Variables.CHILDREN_IN_HOUSEHOLD, true,
				Variables.NEEDS_DOCUMENTATION, true, Variables.NEEDS_LITERACY, true, Variables.NEEDS_LEGAL_AID, false,
				Variables.NEEDS_HEALTH, false, Variables.SLEEPING_ROUGH_TONIGHT, false, Variables.PROTECTION_CONCERN, false,
				Variables.CONSENT_TO_SHARE, true, Variables.LISTENING_NOTES,
				"speaks Haitian Creole and French; staying with a cousin until the end of the month"));
		String caseNumber = reception.getBusinessKey();
		cases.transfer(caseNumber, "SOR-CRAS-OESTE", "family moved to Vila Helena", "ana");
		identity.clearAuthentication();
		return caseNumber;
	}

	@Test
	void shouldShowAnAuditorTheCaseTimelineAndItsPathOnTheDiagram() throws IOException {
		String caseNumber = receivedAndTransferred();
		Browser browser = browsers.open("en-GB");

		browser.open("/audit/");
		browser.waitFor(By.cssSelector("#sign-in-form input[name=user]")).sendKeys("otavio");
		browser.driver().findElement(By.cssSelector("#sign-in-form input[name=password]")).sendKeys("demo");
		browser.driver().findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		browser.waitForText("Find a case");
		assertThat(browser.driver().findElement(By.id("who-name")).getText()).isEqualTo("otavio");

		browser.driver().findElement(By.cssSelector("#search-form input[name=person]")).sendKeys("brouillard");
		browser.driver().findElement(By.cssSelector("#search-form input[name=worker]")).sendKeys("ana");
		browser.driver().findElement(By.cssSelector("#search-form button[type=submit]")).click();
		browser.waitFor(By.id("result-table"));
		browser.waitForText(caseNumber);
		browser.screenshot(browsers.screenshotName("search"));

		browser.driver().findElement(By.linkText(caseNumber)).click();
		browser.waitFor(By.id("timeline-table"));
		browser.waitForText("Transferred from SOR-CRAS-NORTE to SOR-CRAS-OESTE");
		String page = browser.pageText();
		assertThat(page).contains("Nadège Brouillard", "Decision: Reception triage", "Needs housing",
				"first contact", "ana");
		WebElement listeningRow = browser.driver()
			.findElements(By.cssSelector("#timeline-table tr[data-kind=STEP]")).stream()
			.filter(row -> row.getText().contains("Escuta qualificada"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no listening step in the timeline:\n" + page));
		assertThat(listeningRow.getText()).contains("ana");

		// the reception diagram, with the path drawn on it
		WebElement diagram = browser.driver().findElements(By.cssSelector(".diagram[data-process=reception]")).get(0);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
			.until(driver -> "true".equals(diagram.getAttribute("data-drawn")));
		assertThat(diagram.findElements(By.cssSelector(
				".djs-element.visited[data-element-id=" + Elements.QUALIFIED_LISTENING + "]"))).hasSize(1);
		assertThat(diagram.findElements(By.cssSelector(
				".djs-element.visited[data-element-id=" + Elements.TRIAGE + "]"))).hasSize(1);
		assertThat(diagram.findElements(By.cssSelector(".djs-connection.taken"))).isNotEmpty();
		assertThat(diagram.findElements(By.cssSelector(
				".djs-element.visited[data-element-id=" + Elements.FOLLOW_UP_INTERVIEW + "]"))).isEmpty();
		assertThat(diagram.findElements(By.cssSelector(".djs-element.active"))).isNotEmpty();

		JavascriptExecutor script = (JavascriptExecutor) browser.driver();
		// the top of the page at once, as docs/images/audit-case.png shows it in the README: the case, its
		// path on the reception diagram, the timeline (copy it there by hand when the page changes)
		browser.driver().manage().window().setSize(new Dimension(1280, 1500));
		script.executeScript("window.scrollTo(0, 0)");
		browser.screenshot(browsers.screenshotName("page"));

		// the housing referral that the triage started, on its own diagram
		browser.driver().findElement(By.cssSelector("#process-tabs button[data-process=housing-referral]")).click();
		WebElement housing = browser.waitFor(By.cssSelector(".diagram[data-process=housing-referral]"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
			.until(driver -> "true".equals(housing.getAttribute("data-drawn")));
		assertThat(housing.findElements(By.cssSelector(".djs-element.active"))).isNotEmpty();
		assertThat(diagram.isDisplayed()).isFalse();
		script.executeScript("arguments[0].scrollIntoView(true); window.scrollBy(0, -120);", housing);
		browser.screenshot(browsers.screenshotName("housing"));

		WebElement decisionRow = browser.driver().findElement(By.cssSelector("#timeline-table tr[data-kind=DECISION]"));
		script.executeScript("arguments[0].scrollIntoView(true); window.scrollBy(0, -120);", decisionRow);
		browser.screenshot(browsers.screenshotName("decision"));

		// the page's Content-Security-Policy (system.SecurityHeaders) refused nothing it needs
		assertThat(browser.consoleErrors()).as("the browser's console")
			.noneMatch(message -> message.contains("Content Security Policy"));
	}

}
