package org.acolhida.journey;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.acolhida.documentation.DocumentationProcess;
import org.acolhida.housing.HousingReferralProcess;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.literacy.LiteracyEnrollmentProcess;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.support.FormLabels;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.units.DocumentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole case at CRAS Norte, Sorocaba, in Portuguese, worked in Tasklist by each worker through their
 * own lists, never by a task's id or address: ana receives a mother with two children (7 and 12) who
 * needs documents, housing and literacy classes; bruno (documentation), carla (housing), paula (the
 * shelter) and davi (literacy) each find their task in their desk's list and complete every form of
 * their part. After each step the next worker's list shows the next task. On the way, one form of each
 * of the four processes is refused in Portuguese and the task stays open. No form screen shows English
 * or a raw code ({@link ScreenTexts}). Every step is photographed under
 * {@code target/screenshots/journey/}; clicks and fields per task go to {@code effort.md} there.
 */
@PostgresIntegrationTest
class PortugueseJourneyBrowserIT extends StaffJourney {

	static final String LANGUAGE = "pt-BR";

	PortugueseJourneyBrowserIT() {
		super("pt", LANGUAGE);
	}

	@Test
	void shouldCarryAFamilyThroughEveryDeskInPortuguese() throws Exception {
		String unit = unitOf("ana", "reception");
		String district = units.unit(unit).getDistricts().stream().sorted().findFirst().orElseThrow();
		String familyName = "Pérez " + token();
		String mother = "Rosa " + familyName;
		LocalDate olderBorn = LocalDate.now().minusYears(12).minusMonths(2);
		LocalDate youngerBorn = LocalDate.now().minusYears(7).minusMonths(3);

		// ana receives the family: her unit is chosen already, the language picked by its Portuguese name
		Desk ana = desk("ana");
		FormLabels start = form("reception-start");
		String spanish = servedStartForm("ana", ReceptionProcess.KEY).option("languages", "es");
		ana.startProcess(processNames(ReceptionProcess.KEY));
		assertInLanguage(ana, "reception-start");
		assertThat(ana.selected(start.label("unitCode"))).as("ana's own unit, chosen by name")
			.isEqualTo(units.unit(unit).getName());
		ana.type(start.label("givenName"), "Rosa")
			.type(start.label("familyName"), familyName)
			.date(start.label("birthDate"), LocalDate.of(1989, 4, 21))
			.search(start.label("nationality"), servedStartForm("ana", ReceptionProcess.KEY).option("nationality", "VE"))
			.tag(start.label("languages"), spanish)
			.choose(start.label("documentType"), start.option("documentType", "PASSPORT"))
			.type(start.label("documentNumber"), "VE" + token().toUpperCase())
			.type(start.label("district"), district);
		ana.shot("reception-start");
		ana.start(processNames(ReceptionProcess.KEY)[0]);
		String caseNumber = ana.browser().waitUntil("the case of " + familyName + " to open", d -> caseOf(familyName));
		assertThat(languagesOf(caseNumber, 1)).as("the language picked by name, stored as its code").isEqualTo("es");

		String household = step(ReceptionProcess.KEY, ReceptionProcess.Elements.REGISTER_HOUSEHOLD);
		openDeskList(ana, "reception", unit).openTask(household, caseNumber);
		FormLabels members = form("reception-household");
		ana.waitForText(members.label("membersCount"));
		assertInLanguage(ana, "reception-household");
		ana.type(members.label("membersCount"), "2");
		child(ana, members, "member1", "Lucía", familyName, spanish, olderBorn);
		WebElement younger = ana.group(members.label("member2"));
		ana.choose(younger, members.label("relation"), members.option("relation", "CHILD"))
			.type(younger, members.label("givenName"), "Mateo");
		assertSameAsMother(ana, younger, members, familyName, spanish);
		// Refusal in reception: the younger child's birth date in the future.
		String refusal = ana.refused(formErrors.getString("error.future"),
				desk -> desk.date(younger, members.label("birthDate"), LocalDate.now().plusYears(1)));
		assertRefused(refusal, "reception-household", "birthDate", "future");
		ana.shot("reception-household-refused");
		assertThat(ana.shows(household, caseNumber)).as("the refused household task stays in ana's list").isTrue();
		ana.date(younger, members.label("birthDate"), youngerBorn);
		ana.shot("reception-household");
		ana.complete(household);
		assertThat(java.util.List.of(familyNameOf(caseNumber, 2), familyNameOf(caseNumber, 3)))
			.as("the children's family name, as the form started it").containsOnly(familyName);
		assertThat(java.util.List.of(languagesOf(caseNumber, 2), languagesOf(caseNumber, 3)))
			.as("the children's languages, as the form started them").containsOnly("es");

		String listening = step(ReceptionProcess.KEY, ReceptionProcess.Elements.QUALIFIED_LISTENING);
		ana.openTask(listening, caseNumber);
		FormLabels listen = form("reception-listening");
		ana.waitForText(listen.label("needsDocumentation"));
		assertInLanguage(ana, "reception-listening");
		// at a Brazilian unit the listening asks what the RMA counts
		assertThat(ana.screenText()).contains(listen.label("paif"), listen.label("incomePerPerson"),
				listen.label("cadUnico"), listen.label("bpcMissing"));
		ana.check(listen.label("childrenInHousehold"))
			.check(listen.label("needsDocumentation"))
			.check(listen.label("needsHousing"))
			.check(listen.label("needsLiteracy"))
			.check(listen.label("consentToShare"));
		ana.shot("reception-listening");
		ana.complete(listening);

		// bruno: documentation guidance, from the choice to the outcome
		String documentationUnit = unitOf("bruno", "documentation");
		assertThat(documentationUnit).isEqualTo(unit);
		Desk bruno = desk("bruno");
		openDeskList(bruno, "documentation", documentationUnit);
		String choose = step(DocumentationProcess.KEY, DocumentationProcess.Elements.CHOOSE_DOCUMENTS);
		bruno.waitForTask(choose, caseNumber);
		bruno.shot("documentation-list");
		// Tasklist's list names each task's protocol: "documentation-guidance" in Portuguese, not the diagram's English.
		bruno.browser().waitForText(processName("documentation-guidance"));
		bruno.openTask(choose, caseNumber);
		FormLabels choice = form("documentation-choose");
		bruno.waitForText(choice.label("chosenDocuments"));
		assertInLanguage(bruno, "documentation-choose");
		// Per member, the documents of Brazil that fit them: the work card for Rosa, none for her children (12 and 7).
		java.util.List<JsonNode> offered = options(caseNumber, DocumentationProcess.Elements.CHOOSE_DOCUMENTS,
				DocumentationProcess.Variables.DOCUMENT_OPTIONS);
		assertThat(offered).extracting(option -> option.path("value").asText())
			.contains(DocumentType.CTPS_DIGITAL.name() + ":1", DocumentType.CPF.name() + ":2", DocumentType.CPF.name() + ":3")
			.doesNotContain(DocumentType.CTPS_DIGITAL.name() + ":2", DocumentType.CTPS_DIGITAL.name() + ":3")
			.allMatch(value -> !value.startsWith(DocumentType.PERMESSO_SOGGIORNO.name()));
		assertThat(bruno.choices(choice.label("chosenDocuments"))).as("what bruno reads")
			.containsExactlyElementsOf(offered.stream().map(option -> option.path("label").asText()).toList());
		String document = DocumentType.CPF.name();
		bruno.pick(choice.label("chosenDocuments"),
				optionLabel(caseNumber, DocumentationProcess.Elements.CHOOSE_DOCUMENTS,
						DocumentationProcess.Variables.DOCUMENT_OPTIONS,
						option -> option.path("value").asText().startsWith(document)
								&& option.path("label").asText().contains(mother)))
			.choose(choice.label("householdSituation"), choice.option("householdSituation", "ASYLUM_SEEKER"));
		bruno.shot("documentation-choose");
		bruno.complete(choose);

		String orientation = step(DocumentationProcess.KEY, DocumentationProcess.Elements.ORIENTATION);
		bruno.openTask(orientation, caseNumber);
		FormLabels orient = form("documentation-orientation");
		bruno.waitForText(orient.label("papersComplete"));
		assertInLanguage(bruno, "documentation-orientation");
		bruno.type(orient.label("missingPapers"), "Comprovante de residência");
		bruno.shot("documentation-orientation");
		bruno.complete(orientation);

		String gather = step(DocumentationProcess.KEY, DocumentationProcess.Elements.HELP_GATHER);
		bruno.openTask(gather, caseNumber);
		FormLabels gathering = form("documentation-gather");
		bruno.waitForText(gathering.label("gatherNotes"));
		assertInLanguage(bruno, "documentation-gather");
		bruno.type(gathering.label("gatherNotes"), "Conta de luz em nome da Rosa");
		bruno.shot("documentation-gather");
		bruno.complete(gather);

		String appointment = step(DocumentationProcess.KEY, DocumentationProcess.Elements.SCHEDULE_APPOINTMENT);
		bruno.openTask(appointment, caseNumber);
		FormLabels booking = form("documentation-appointment");
		bruno.waitForText(booking.label("appointmentDate"));
		assertInLanguage(bruno, "documentation-appointment");
		bruno.date(booking.label("appointmentDate"), workingDayIn(14))
			.time(booking.label("appointmentTime"), LocalTime.of(10, 0));
		if (bruno.value(booking.label("officeName")).isBlank()) {
			bruno.type(booking.label("officeName"), "Receita Federal");
		}
		bruno.shot("documentation-appointment");
		bruno.complete(appointment);

		// The reminder is due the working day before the appointment: fired through the engine's API.
		fireTimer(caseNumber, DocumentationProcess.KEY, DocumentationProcess.Elements.REMINDER_TIMER);
		String confirm = step(DocumentationProcess.KEY, DocumentationProcess.Elements.CONFIRM_ATTENDANCE);
		bruno.openTask(confirm, caseNumber);
		FormLabels attendance = form("documentation-confirm");
		bruno.waitForText(attendance.label("attendance"));
		assertInLanguage(bruno, "documentation-confirm");
		bruno.pick(attendance.label("attendance"), attendance.option("attendance", "CONFIRMED"));
		bruno.shot("documentation-confirm");
		bruno.complete(confirm);

		// The outcome is asked for after the appointment: fired through the engine's API.
		fireTimer(caseNumber, DocumentationProcess.KEY, DocumentationProcess.Elements.OUTCOME_TIMER);
		String outcome = step(DocumentationProcess.KEY, DocumentationProcess.Elements.RECORD_OUTCOME);
		bruno.openTask(outcome, caseNumber);
		FormLabels result = form("documentation-outcome");
		bruno.waitForText(result.label("outcome"));
		assertInLanguage(bruno, "documentation-outcome");
		bruno.choose(result.label("outcome"), result.option("outcome", "ISSUED"))
			.type(result.label("documentNumber"), "123.456.789-09");
		// Refusal in documentation: a document that expired yesterday.
		refusal = bruno.refused(formErrors.getString("error.not_after_today"),
				desk -> desk.date(result.label("expiryDate"), LocalDate.now().minusDays(1)));
		assertRefused(refusal, "documentation-outcome", "expiryDate", "not_after_today");
		bruno.shot("documentation-outcome-refused");
		assertThat(bruno.shows(outcome, caseNumber)).as("the refused outcome stays in bruno's list").isTrue();
		bruno.date(result.label("expiryDate"), LocalDate.now().plusYears(10));
		assertInLanguage(bruno, "documentation-outcome");
		bruno.shot("documentation-outcome");
		bruno.complete(outcome);

		// carla: housing referral
		String housingUnit = unitOf("carla", "housing");
		Desk carla = desk("carla");
		openDeskList(carla, "housing", housingUnit);
		String needs = step(HousingReferralProcess.KEY, HousingReferralProcess.Elements.HOUSEHOLD_NEEDS);
		carla.waitForTask(needs, caseNumber);
		carla.shot("housing-list");
		carla.openTask(needs, caseNumber);
		FormLabels needsForm = form("housing-household-needs");
		carla.waitForText(needsForm.label("adultsAre"));
		assertInLanguage(carla, "housing-household-needs");
		carla.pick(needsForm.label("adultsAre"), needsForm.option("adultsAre", "WOMEN"));
		carla.shot("housing-household-needs");
		carla.complete(needs);

		String shelterUnit = unitOf("paula", "shelter");
		String chooseShelter = step(HousingReferralProcess.KEY, HousingReferralProcess.Elements.CHOOSE_SHELTER);
		carla.openTask(chooseShelter, caseNumber);
		FormLabels shelters = form("housing-choose-shelter");
		carla.waitForText(shelters.label("chosenShelter"));
		assertInLanguage(carla, "housing-choose-shelter");
		carla.choose(shelters.label("chosenShelter"),
				optionLabel(caseNumber, HousingReferralProcess.Elements.CHOOSE_SHELTER,
						HousingReferralProcess.Variables.SHELTER_OPTIONS,
						option -> option.path("value").asText().equals(shelterUnit)));
		carla.shot("housing-choose-shelter");
		carla.complete(chooseShelter);

		// paula answers for the shelter
		Desk paula = desk("paula");
		openDeskList(paula, "shelter", shelterUnit);
		String answer = step(HousingReferralProcess.KEY, HousingReferralProcess.Elements.SHELTER_ANSWER);
		paula.waitForTask(answer, caseNumber);
		paula.shot("shelter-list");
		paula.openTask(answer, caseNumber);
		FormLabels answering = form("housing-shelter-answer");
		paula.waitForText(answering.label("shelterAnswer"));
		assertInLanguage(paula, "housing-shelter-answer");
		// Refusal in housing: a decline whose reason is only blanks.
		refusal = paula.refused(formErrors.getString("error.required_when_declining"), desk -> desk
			.pick(answering.label("shelterAnswer"), answering.option("shelterAnswer", "DECLINE"))
			.type(answering.label("declineReason"), "   "));
		assertRefused(refusal, "housing-shelter-answer", "declineReason", "required_when_declining");
		paula.shot("shelter-answer-refused");
		assertThat(paula.shows(answer, caseNumber)).as("the refused answer stays in paula's list").isTrue();
		paula.pick(answering.label("shelterAnswer"), answering.option("shelterAnswer", "ACCEPT"));
		paula.shot("shelter-answer");
		paula.complete(answer);

		// The family is placed: the stay's departure waits in carla's list.
		carla.waitForTask(step(HousingReferralProcess.STAY_KEY, HousingReferralProcess.Elements.RECORD_DEPARTURE),
				caseNumber);
		carla.shot("housing-stay-in-list");

		// davi: literacy, the mother's class and the older child's school
		String literacyUnit = unitOf("davi", "literacy");
		Desk davi = desk("davi");
		openDeskList(davi, "literacy", literacyUnit);
		String placement = step(LiteracyEnrollmentProcess.KEY, LiteracyEnrollmentProcess.Elements.PLACEMENT);
		// one placement per member aged six or over, made together
		assertThat(davi.waitForTask(placement, caseNumber)).as("placements of the mother and her two children")
			.hasSize(3);
		davi.browser().waitForText(processName("literacy-enrollment"));
		davi.shot("literacy-list");
		FormLabels place = form("literacy-placement");
		davi.openTask(placement, caseNumber, name -> name.contains(mother));
		davi.waitForText(place.label("needsClass"));
		assertThat(davi.checked(place.label("needsClass"))).as("a learner is enrolled unless davi says otherwise")
			.isTrue();
		davi.waitForText(place.label("level"));
		assertInLanguage(davi, "literacy-placement");
		davi.check(place.label("literateInOwnLanguage"))
			.choose(place.label("level"), place.option("level", "BEGINNER"))
			.pick(place.label("availableTimes"), place.option("availableTimes", "MORNING"));
		// Refusal in literacy: an adult placement with no day ticked.
		refusal = davi.refused(formErrors.getString("error.choose_one"), desk -> {
		});
		assertRefused(refusal, "literacy-placement", "availableDays", "choose_one");
		davi.shot("literacy-placement-refused");
		assertThat(davi.shows(placement, caseNumber)).as("the refused placement stays in davi's list").isTrue();
		davi.pick(place.label("availableDays"), place.option("availableDays", "MONDAY"))
			.pick(place.label("availableDays"), place.option("availableDays", "WEDNESDAY"));
		assertInLanguage(davi, "literacy-placement");
		davi.shot("literacy-placement");
		davi.complete(placement + " (adult)");

		davi.openTask(placement, caseNumber, name -> name.contains("Lucía"));
		davi.waitForText(place.label("needsClass"));
		assertInLanguage(davi, "literacy-placement");
		// a school-age child is asked what her school needs, not a level in Portuguese nor class hours
		davi.waitForText(place.label("schoolingSoFar"));
		assertThat(davi.has(place.label("level"))).as("a level asked of a child").isFalse();
		assertThat(davi.has(place.label("literateInOwnLanguage"))).as("an adult's question asked of a child").isFalse();
		assertThat(davi.has(place.label("availableDays"))).as("class days asked of a child").isFalse();
		davi.choose(place.label("schoolingSoFar"), place.option("schoolingSoFar", "INTERRUPTED"))
			.type(place.label("lastSchoolYear"), "6º grado, Maracaibo")
			.check(place.label("schoolLanguageSupport"));
		davi.shot("literacy-placement-child");
		davi.complete(placement + " (child, 12)");

		String school = step(LiteracyEnrollmentProcess.KEY, LiteracyEnrollmentProcess.Elements.REFER_TO_SCHOOL);
		davi.openTask(school, caseNumber, name -> name.contains("Lucía"));
		FormLabels schooling = form("literacy-school");
		davi.waitForText(schooling.label("schoolOutcome"));
		// what davi said of her schooling goes with her to the school
		Map<String, String> schoolTexts = ProtocolTexts.fromClasspath(ProtocolTexts.fileName("literacy-school", "pt-BR"));
		davi.waitForText(schoolTexts.get("schoolingInterrupted.text"))
			.waitForText("6º grado, Maracaibo")
			.waitForText(schoolTexts.get("languageSupport.text"));
		assertInLanguage(davi, "literacy-school");
		davi.choose(schooling.label("schoolOutcome"), schooling.option("schoolOutcome", "REFERRED"));
		davi.shot("literacy-school");
		davi.complete(school);
		assertEveryScreenInLanguage();
	}

	private static void child(Desk desk, FormLabels members, String group, String givenName, String familyName,
			String language, LocalDate born) {
		WebElement member = desk.group(members.label(group));
		desk.choose(member, members.label("relation"), members.option("relation", "CHILD"))
			.type(member, members.label("givenName"), givenName)
			.date(member, members.label("birthDate"), born);
		assertSameAsMother(desk, member, members, familyName, language);
	}

	/** A member starts with the reference person's family name, nationality and language: nothing to type. */
	private static void assertSameAsMother(Desk desk, WebElement member, FormLabels members, String familyName,
			String language) {
		assertThat(desk.value(member, members.label("familyName"))).isEqualTo(familyName);
		assertThat(desk.value(member, members.label("nationality"))).isEqualTo("Venezuela");
		assertThat(desk.tags(member, members.label("languages"))).containsExactly(language);
	}

	/** A protocol's name as a Portuguese worker reads it, from its bundle beside the diagram. */
	private static String processName(String processKey) {
		String name = ProtocolTexts.fromClasspath(ProtocolTexts.fileName(processKey, "pt-BR")).get("process.name");
		assertThat(name).as("the Portuguese name of " + processKey).isNotBlank();
		return name;
	}

}
