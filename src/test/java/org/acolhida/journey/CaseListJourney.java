package org.acolhida.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.acolhida.reception.ReceptionProcess;
import org.acolhida.support.FormLabels;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reception worker receives a woman alone who needs documents only and does the listening. The
 * triage sends the case to the documentation desk: the reception worker has no task of it left until
 * the follow-up a month later. From the "Casos" / "Pratiche" button in Tasklist's top bar she finds the
 * case among her unit's recent cases (today's, with the priority and where the person goes next) and by
 * the person's name, and opens its page to read what the triage decided, in her language, with no raw
 * code. Each language is a subclass.
 */
abstract class CaseListJourney extends StaffJourney {

	private static final By PANEL = By.cssSelector(".acolhida-cases-panel");

	@Autowired
	HistoryService history;

	private final String worker;

	private final String nationality;

	private final String languages;

	private final ResourceBundle page;

	CaseListJourney(String journey, String language, String worker, String nationality, String languages) {
		super(journey, language);
		this.worker = worker;
		this.nationality = nationality;
		this.languages = languages;
		this.page = ResourceBundle.getBundle("i18n/case-page", Locale.forLanguageTag(language));
	}

	@Test
	void shouldFindTheCaseAndWhatTheTriageDecidedFromTheCaseListRightAfterTheListening() {
		String unit = unitOf(worker, "reception");
		String district = units.unit(unit).getDistricts().stream().sorted().findFirst().orElseThrow();
		String familyName = "Lista " + token();

		Desk desk = firstDesk(worker);
		FormLabels start = form("reception-start");
		desk.startProcess(processNames(ReceptionProcess.KEY));
		desk.type(start.label("givenName"), "Wislande")
			.type(start.label("familyName"), familyName)
			.date(start.label("birthDate"), LocalDate.now().minusYears(31).minusMonths(4))
			.search(start.label("nationality"), servedStartForm(worker, ReceptionProcess.KEY).option("nationality", nationality))
			.tag(start.label("languages"), servedStartForm(worker, ReceptionProcess.KEY).option("languages", languages))
			.type(start.label("district"), district);
		desk.start(processNames(ReceptionProcess.KEY)[0]);
		String caseNumber = desk.browser().waitUntil("the case of " + familyName + " to open", d -> caseOf(familyName));

		String household = step(ReceptionProcess.KEY, ReceptionProcess.Elements.REGISTER_HOUSEHOLD);
		openDeskList(desk, "reception", unit).openTask(household, caseNumber);
		desk.waitForText(form("reception-household").label("membersCount"));
		desk.complete(household);

		String listening = step(ReceptionProcess.KEY, ReceptionProcess.Elements.QUALIFIED_LISTENING);
		desk.openTask(listening, caseNumber);
		FormLabels listen = form("reception-listening");
		desk.waitForText(listen.label("needsDocumentation"));
		desk.check(listen.label("needsDocumentation")).check(listen.label("consentToShare"));
		desk.complete(listening);

		// The triage sent the case to documentation alone: nothing of it is left in her lists.
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskCandidateUser(worker)
			.includeAssignedTasks().count()).as("%s's tasks of %s", worker, caseNumber).isZero();
		String priority = page.getString("priority." + history.createHistoricVariableInstanceQuery()
			.variableName(ReceptionProcess.Variables.PRIORITY)
			.processInstanceIdIn(receptionOf(caseNumber))
			.singleResult()
			.getValue());
		String documentation = step("documentation-guidance", "process.name");
		String nationalityName = servedStartForm(worker, ReceptionProcess.KEY).option("nationality", nationality);

		// The button in the top bar, by its name in her language.
		WebElement button = desk.browser().waitFor(By.cssSelector(".acolhida-cases-action"));
		assertThat(button.getText().trim()).isEqualTo(page.getString("label.cases"));
		button.click();
		WebElement row = desk.browser().waitUntil("the case " + caseNumber + " in the recent cases",
				driver -> driver.findElements(By.cssSelector(".acolhida-cases-panel tbody tr"))
					.stream()
					.filter(tr -> tr.getText().contains(caseNumber))
					.findFirst()
					.orElse(null));
		assertThat(row.getText()).contains("Wislande " + familyName, page.getString("label.today"), priority,
				documentation);
		assertThat(desk.browser().waitFor(PANEL).getText()).contains(page.getString("label.recent"));
		desk.shot("case-list");

		// By her name, as a worker types it.
		WebElement search = desk.browser().waitFor(By.cssSelector(".acolhida-cases-query"));
		search.sendKeys(familyName.toLowerCase(Locale.ROOT) + "\n");
		desk.browser().waitUntil("the cases found for " + familyName,
				driver -> driver.findElement(PANEL).getText().contains(page.getString("label.found")));
		List<String> found = desk.browser().driver().findElements(By.cssSelector(".acolhida-cases-panel .acolhida-cases-open"))
			.stream().map(a -> a.getText().trim()).toList();
		assertThat(found).containsExactly(caseNumber);

		// Its page: the triage's decision.
		desk.browser().driver().findElement(By.cssSelector(".acolhida-cases-panel .acolhida-cases-open")).click();
		String shown = desk.browser().waitFor(By.cssSelector(".acolhida-cases-panel .acolhida-case")).getText();
		assertThat(shown).as("her nationality by name, not its code").contains(nationalityName);
		assertThat(shown).contains(caseNumber, "Wislande " + familyName, page.getString("label.triage"),
				page.getString("label.priority"), priority, page.getString("label.referralsStarted"), documentation);
		desk.shot("case-list-page");
		String all = desk.browser().waitFor(PANEL).getText();
		assertThat(List.of("NORMAL", "HIGH", "IMMEDIATE", "OPEN", "documentation-guidance", "label.", "undefined", "null"))
			.as("raw codes on the case list:%n%s", all)
			.noneMatch(all::contains);
	}

	private String receptionOf(String caseNumber) {
		return history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.processDefinitionKey(ReceptionProcess.KEY)
			.singleResult()
			.getId();
	}

	/** As {@link CaseTabJourney}: the first Tasklist since start-up may be slow to load once. */
	private Desk firstDesk(String user) {
		try {
			return desk(user);
		}
		catch (org.openqa.selenium.TimeoutException firstLoad) {
			return desk(user);
		}
	}

}
