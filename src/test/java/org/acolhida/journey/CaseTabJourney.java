package org.acolhida.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.acolhida.reception.ReceptionProcess;
import org.acolhida.support.FormLabels;
import org.acolhida.units.UnitKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reception worker receives a mother with two children (12 and 7) who need documents, housing,
 * literacy classes and legal aid, and does the listening; her next task, the referral to legal aid,
 * is in her desk's list. She opens it from the list, opens the case tab beside its form, and reads
 * there, in her language, the household, what the triage decided (the priority, the referrals it
 * started, where the person goes next and when that service next opens) and the referrals under way.
 * No raw code shows. Each language is a subclass: the worker, and what the person says about herself.
 */
abstract class CaseTabJourney extends StaffJourney {

	private final String worker;

	private final String nationality;

	private final String languages;

	private final ResourceBundle page;

	private final ResourceBundle words;

	CaseTabJourney(String journey, String language, String worker, String nationality, String languages) {
		super(journey, language);
		this.worker = worker;
		this.nationality = nationality;
		this.languages = languages;
		this.page = ResourceBundle.getBundle("i18n/case-page", Locale.forLanguageTag(language));
		this.words = ResourceBundle.getBundle("i18n/texts", Locale.forLanguageTag(language));
	}

	@Test
	void shouldShowTheCaseAndWhatTheTriageDecidedInTheCaseTabOfHerNextTask() {
		String unit = unitOf(worker, "reception");
		String district = units.unit(unit).getDistricts().stream().sorted().findFirst().orElseThrow();
		String familyName = "Caso " + token();
		String mother = "Rosa " + familyName;
		String older = "Lucía " + familyName;
		String younger = "Mateo " + familyName;

		Desk desk = firstDesk(worker);
		FormLabels start = form("reception-start");
		desk.startProcess(processNames(ReceptionProcess.KEY));
		assertThat(desk.selected(start.label("unitCode"))).as("her own unit, chosen by name")
			.isEqualTo(units.unit(unit).getName());
		desk.type(start.label("givenName"), "Rosa")
			.type(start.label("familyName"), familyName)
			.date(start.label("birthDate"), LocalDate.of(1989, 4, 21))
			.search(start.label("nationality"), servedStartForm(worker, ReceptionProcess.KEY).option("nationality", nationality))
			.tag(start.label("languages"), servedStartForm(worker, ReceptionProcess.KEY).option("languages", languages))
			.type(start.label("district"), district);
		desk.start(processNames(ReceptionProcess.KEY)[0]);
		String caseNumber = desk.browser().waitUntil("the case of " + familyName + " to open", d -> caseOf(familyName));

		String household = step(ReceptionProcess.KEY, ReceptionProcess.Elements.REGISTER_HOUSEHOLD);
		openDeskList(desk, "reception", unit).openTask(household, caseNumber);
		FormLabels members = form("reception-household");
		desk.waitForText(members.label("membersCount"));
		desk.type(members.label("membersCount"), "2");
		member(desk, members, "member1", "Lucía", LocalDate.now().minusYears(12).minusMonths(2));
		member(desk, members, "member2", "Mateo", LocalDate.now().minusYears(7).minusMonths(3));
		desk.complete(household);

		String listening = step(ReceptionProcess.KEY, ReceptionProcess.Elements.QUALIFIED_LISTENING);
		desk.openTask(listening, caseNumber);
		FormLabels listen = form("reception-listening");
		desk.waitForText(listen.label("needsDocumentation"));
		// The listening may already know the children from the household just registered.
		if (!desk.checked(listen.label("childrenInHousehold"))) {
			desk.check(listen.label("childrenInHousehold"));
		}
		desk.check(listen.label("needsDocumentation"))
			.check(listen.label("needsHousing"))
			.check(listen.label("needsLiteracy"))
			.check(listen.label("needsLegalAid"))
			.check(listen.label("consentToShare"));
		desk.complete(listening);

		// Right after the listening, her next task is the referral the triage decided: she opens it
		// from her desk's list and its case tab.
		String referral = step(ReceptionProcess.KEY, ReceptionProcess.Elements.RECORD_REFERRAL_OUTCOME);
		desk.openTask(referral, caseNumber);
		desk.openTaskTab(page.getString("label.title"));
		String shown = desk.caseTabText();
		desk.browser().waitForText(page.getString("label.nextOpening"));
		// The picture shows the household and the triage's decision together.
		((org.openqa.selenium.JavascriptExecutor) desk.browser().driver()).executeScript(
				"document.querySelector('[cam-tasklist-task] .acolhida-case-section').scrollIntoView({block: 'start'});");
		desk.shot("case-tab");

		assertThat(shown).contains(caseNumber, mother, older, younger, page.getString("relation.REFERENCE_PERSON"),
				page.getString("relation.CHILD"), units.unit(unit).getName());
		assertThat(shown).contains(page.getString("label.household"), page.getString("label.triage"),
				page.getString("label.referrals"), page.getString("label.openTasks"));
		// A family with children that needs housing is of high priority (reception-triage.dmn).
		assertThat(shown).contains(page.getString("label.priority"), page.getString("priority.HIGH"));
		assertThat(shown).contains(processName("documentation-guidance"), processName("housing-referral"),
				processName("literacy-enrollment"), words.getString("unitKind.LEGAL_AID"));
		String local = "IT".equals(units.unit(unit).getCountry()) ? "it" : "pt";
		String legalAid = units.unitsSpeaking(UnitKind.LEGAL_AID, local)
			.stream()
			.filter(u -> u.getMunicipality().equals(units.unit(unit).getMunicipality()))
			.findFirst()
			.orElseThrow()
			.getName();
		assertThat(shown).contains(page.getString("label.nextStops"), legalAid, page.getString("label.nextOpening"));
		assertThat(shown).contains(step(ReceptionProcess.KEY, ReceptionProcess.Elements.RECORD_REFERRAL_OUTCOME)
				+ " · " + caseNumber);
		assertThat(List.of("REFERENCE_PERSON", "CHILD", "HIGH", "LEGAL_AID", "ACTIVE", "documentation-guidance",
				"housing-referral", "literacy-enrollment", "label.", "undefined", "null"))
			.as("raw codes on the case tab:%n%s", shown)
			.noneMatch(shown::contains);
	}

	/**
	 * The worker's desk, signed in. The first Tasklist this test opens may be the first since the
	 * application started, which has not served Tasklist's scripts yet: on a loaded machine that page can
	 * take longer than the browser's wait for the sign-in form. Then a second browser is opened, once;
	 * a Tasklist that never loads still fails.
	 */
	private Desk firstDesk(String user) {
		try {
			return desk(user);
		}
		catch (org.openqa.selenium.TimeoutException firstLoad) {
			return desk(user);
		}
	}

	private static void member(Desk desk, FormLabels members, String group, String givenName,
			LocalDate born) {
		WebElement member = desk.group(members.label(group));
		// The family name, nationality and languages start as the reference person's.
		desk.choose(member, members.label("relation"), members.option("relation", "CHILD"))
			.type(member, members.label("givenName"), givenName)
			.date(member, members.label("birthDate"), born);
	}

	private String processName(String processKey) {
		return step(processKey, "process.name");
	}

}
