package org.acolhida.journey;

import java.time.LocalDate;
import java.time.LocalTime;

import org.acolhida.documentation.DocumentationProcess;
import org.acolhida.housing.HousingReferralProcess;
import org.acolhida.literacy.LiteracyEnrollmentProcess;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.support.DeployedForm;
import org.acolhida.support.FormLabels;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.units.DocumentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case at the Caritas immigration service in Cremona, in Italian, through the workers' own lists:
 * giulia receives a mother and her son, marco works her residence permit from the choice to the
 * outcome. sara (housing), francesca (the shelter) and luca (literacy) find their first task in their
 * lists and are refused in Italian when a form is wrong: with reception's and documentation's refusals,
 * one form of each of the four processes, each task staying in its list. No form screen shows English
 * or a raw code ({@link ScreenTexts}).
 */
@PostgresIntegrationTest
class ItalianJourneyBrowserIT extends StaffJourney {

	static final String LANGUAGE = "it";

	ItalianJourneyBrowserIT() {
		super("it", LANGUAGE);
	}

	@Test
	void shouldReceiveAndGuideAFamilyInItalianAndRefuseWrongFormsInItalian() throws Exception {
		String unit = unitOf("giulia", "reception");
		String district = units.unit(unit).getDistricts().stream().sorted().findFirst().orElseThrow();
		String familyName = "Diallo " + token();
		String mother = "Awa " + familyName;

		// giulia receives the family: her unit is chosen already, the languages picked by their Italian names
		Desk giulia = desk("giulia");
		FormLabels start = form("reception-start");
		DeployedForm served = servedStartForm("giulia", ReceptionProcess.KEY);
		String french = served.option("languages", "fr");
		String wolof = served.option("languages", "wo");
		giulia.startProcess(processNames(ReceptionProcess.KEY));
		assertInLanguage(giulia, "reception-start");
		assertThat(giulia.selected(start.label("unitCode"))).as("giulia's own unit, chosen by name")
			.isEqualTo(units.unit(unit).getName());
		giulia.type(start.label("givenName"), "Awa")
			.type(start.label("familyName"), familyName)
			.date(start.label("birthDate"), LocalDate.of(1994, 9, 3))
			.search(start.label("nationality"), served.option("nationality", "SN"))
			.tag(start.label("languages"), french)
			.tag(start.label("languages"), wolof)
			.type(start.label("district"), district);
		giulia.shot("reception-start");
		giulia.start(processNames(ReceptionProcess.KEY)[0]);
		String caseNumber = giulia.browser().waitUntil("the case of " + familyName + " to open", d -> caseOf(familyName));
		assertThat(languagesOf(caseNumber, 1)).as("the languages picked by name, stored as codes").isEqualTo("fr,wo");

		String household = step(ReceptionProcess.KEY, ReceptionProcess.Elements.REGISTER_HOUSEHOLD);
		openDeskList(giulia, "reception", unit).openTask(household, caseNumber);
		FormLabels members = form("reception-household");
		giulia.waitForText(members.label("membersCount"));
		assertInLanguage(giulia, "reception-household");
		giulia.type(members.label("membersCount"), "1");
		WebElement son = giulia.group(members.label("member1"));
		giulia.choose(son, members.label("relation"), members.option("relation", "CHILD"))
			.type(son, members.label("givenName"), "Moussa");
		// the son starts with his mother's family name, nationality and languages: nothing to type
		assertThat(giulia.value(son, members.label("familyName"))).isEqualTo(familyName);
		assertThat(giulia.value(son, members.label("nationality"))).isEqualTo("Senegal");
		assertThat(giulia.tags(son, members.label("languages"))).containsExactly(french, wolof);
		// Refusal in reception: the son's birth date in the future.
		String refusal = giulia.refused(formErrors.getString("error.future"),
				desk -> desk.date(son, members.label("birthDate"), LocalDate.now().plusMonths(3)));
		assertRefused(refusal, "reception-household", "birthDate", "future");
		giulia.shot("reception-household-refused");
		assertThat(giulia.shows(household, caseNumber)).as("the refused household task stays in giulia's list").isTrue();
		giulia.date(son, members.label("birthDate"), LocalDate.now().minusYears(9));
		giulia.shot("reception-household");
		giulia.complete(household);
		assertThat(familyNameOf(caseNumber, 2)).isEqualTo(familyName);
		assertThat(languagesOf(caseNumber, 2)).isEqualTo("fr,wo");

		String listening = step(ReceptionProcess.KEY, ReceptionProcess.Elements.QUALIFIED_LISTENING);
		giulia.openTask(listening, caseNumber);
		FormLabels listen = form("reception-listening");
		giulia.waitForText(listen.label("needsDocumentation"));
		assertInLanguage(giulia, "reception-listening");
		// Brazil's social-assistance questions (the RMA's) are not asked at an Italian desk
		assertThat(giulia.screenText()).doesNotContain(listen.label("paif"), listen.label("incomePerPerson"),
				listen.label("cadUnico"), listen.label("bolsaFamilia"));
		giulia.check(listen.label("childrenInHousehold"))
			.check(listen.label("needsDocumentation"))
			.check(listen.label("needsHousing"))
			.check(listen.label("needsLiteracy"))
			.check(listen.label("consentToShare"));
		giulia.shot("reception-listening");
		giulia.complete(listening);

		// marco: the mother's residence permit
		Desk marco = desk("marco");
		openDeskList(marco, "documentation", unitOf("marco", "documentation"));
		String choose = step(DocumentationProcess.KEY, DocumentationProcess.Elements.CHOOSE_DOCUMENTS);
		marco.waitForTask(choose, caseNumber);
		marco.shot("documentation-list");
		marco.openTask(choose, caseNumber);
		FormLabels choice = form("documentation-choose");
		marco.waitForText(choice.label("chosenDocuments"));
		assertInLanguage(marco, "documentation-choose");
		String document = DocumentType.PERMESSO_SOGGIORNO.name();
		marco.pick(choice.label("chosenDocuments"),
				optionLabel(caseNumber, DocumentationProcess.Elements.CHOOSE_DOCUMENTS,
						DocumentationProcess.Variables.DOCUMENT_OPTIONS,
						option -> option.path("value").asText().startsWith(document)
								&& option.path("label").asText().contains(mother)))
			.choose(choice.label("householdSituation"), choice.option("householdSituation", "ASYLUM_SEEKER"));
		marco.shot("documentation-choose");
		marco.complete(choose);

		String orientation = step(DocumentationProcess.KEY, DocumentationProcess.Elements.ORIENTATION);
		marco.openTask(orientation, caseNumber);
		FormLabels orient = form("documentation-orientation");
		marco.waitForText(orient.label("papersComplete"));
		assertInLanguage(marco, "documentation-orientation");
		marco.check(orient.label("papersComplete"));
		marco.shot("documentation-orientation");
		marco.complete(orientation);

		String appointment = step(DocumentationProcess.KEY, DocumentationProcess.Elements.SCHEDULE_APPOINTMENT);
		marco.openTask(appointment, caseNumber);
		FormLabels booking = form("documentation-appointment");
		marco.waitForText(booking.label("appointmentDate"));
		assertInLanguage(marco, "documentation-appointment");
		marco.time(booking.label("appointmentTime"), LocalTime.of(9, 30));
		if (marco.value(booking.label("officeName")).isBlank()) {
			marco.type(booking.label("officeName"), "Questura di Cremona");
		}
		// Refusal in documentation: an appointment booked for yesterday.
		refusal = marco.refused(formErrors.getString("error.not_in_future"),
				desk -> desk.date(booking.label("appointmentDate"), LocalDate.now().minusDays(1)));
		assertRefused(refusal, "documentation-appointment", "appointmentDate", "not_in_future");
		marco.shot("documentation-appointment-refused");
		assertThat(marco.shows(appointment, caseNumber)).as("the refused booking stays in marco's list").isTrue();
		marco.date(booking.label("appointmentDate"), workingDayIn(10));
		marco.shot("documentation-appointment");
		marco.complete(appointment);

		// The reminder is due the working day before the appointment: fired through the engine's API.
		fireTimer(caseNumber, DocumentationProcess.KEY, DocumentationProcess.Elements.REMINDER_TIMER);
		String confirm = step(DocumentationProcess.KEY, DocumentationProcess.Elements.CONFIRM_ATTENDANCE);
		marco.openTask(confirm, caseNumber);
		FormLabels attendance = form("documentation-confirm");
		marco.waitForText(attendance.label("attendance"));
		assertInLanguage(marco, "documentation-confirm");
		marco.pick(attendance.label("attendance"), attendance.option("attendance", "CONFIRMED"));
		marco.shot("documentation-confirm");
		marco.complete(confirm);

		// The outcome is asked for after the appointment: fired through the engine's API.
		fireTimer(caseNumber, DocumentationProcess.KEY, DocumentationProcess.Elements.OUTCOME_TIMER);
		String outcome = step(DocumentationProcess.KEY, DocumentationProcess.Elements.RECORD_OUTCOME);
		marco.openTask(outcome, caseNumber);
		FormLabels result = form("documentation-outcome");
		marco.waitForText(result.label("outcome"));
		assertInLanguage(marco, "documentation-outcome");
		marco.choose(result.label("outcome"), result.option("outcome", "ISSUED"))
			.type(result.label("documentNumber"), "CR" + token().toUpperCase())
			.date(result.label("expiryDate"), LocalDate.now().plusYears(2));
		marco.shot("documentation-outcome");
		marco.complete(outcome);

		// sara sends the family to francesca's shelter, who declines without a reason
		String housingUnit = unitOf("sara", "housing");
		Desk sara = desk("sara");
		openDeskList(sara, "housing", housingUnit);
		String needs = step(HousingReferralProcess.KEY, HousingReferralProcess.Elements.HOUSEHOLD_NEEDS);
		sara.openTask(needs, caseNumber);
		FormLabels needsForm = form("housing-household-needs");
		sara.waitForText(needsForm.label("adultsAre"));
		assertInLanguage(sara, "housing-household-needs");
		sara.pick(needsForm.label("adultsAre"), needsForm.option("adultsAre", "WOMEN"));
		sara.shot("housing-household-needs");
		sara.complete(needs);

		String shelterUnit = unitOf("francesca", "shelter");
		String chooseShelter = step(HousingReferralProcess.KEY, HousingReferralProcess.Elements.CHOOSE_SHELTER);
		sara.openTask(chooseShelter, caseNumber);
		FormLabels shelters = form("housing-choose-shelter");
		sara.waitForText(shelters.label("chosenShelter"));
		assertInLanguage(sara, "housing-choose-shelter");
		sara.choose(shelters.label("chosenShelter"),
				optionLabel(caseNumber, HousingReferralProcess.Elements.CHOOSE_SHELTER,
						HousingReferralProcess.Variables.SHELTER_OPTIONS,
						option -> option.path("value").asText().equals(shelterUnit)));
		sara.shot("housing-choose-shelter");
		sara.complete(chooseShelter);

		Desk francesca = desk("francesca");
		openDeskList(francesca, "shelter", shelterUnit);
		String answer = step(HousingReferralProcess.KEY, HousingReferralProcess.Elements.SHELTER_ANSWER);
		francesca.openTask(answer, caseNumber);
		FormLabels answering = form("housing-shelter-answer");
		francesca.waitForText(answering.label("shelterAnswer"));
		assertInLanguage(francesca, "housing-shelter-answer");
		// Refusal in housing: a decline whose reason is only blanks.
		refusal = francesca.refused(formErrors.getString("error.required_when_declining"), desk -> desk
			.pick(answering.label("shelterAnswer"), answering.option("shelterAnswer", "DECLINE"))
			.type(answering.label("declineReason"), "   "));
		assertRefused(refusal, "housing-shelter-answer", "declineReason", "required_when_declining");
		francesca.shot("shelter-answer-refused");
		assertThat(francesca.shows(answer, caseNumber)).as("the refused answer stays in francesca's list").isTrue();

		// luca places the mother, forgetting her days
		Desk luca = desk("luca");
		openDeskList(luca, "literacy", unitOf("luca", "literacy"));
		String placement = step(LiteracyEnrollmentProcess.KEY, LiteracyEnrollmentProcess.Elements.PLACEMENT);
		luca.openTask(placement, caseNumber, name -> name.contains(mother));
		FormLabels place = form("literacy-placement");
		luca.waitForText(place.label("needsClass"));
		assertThat(luca.checked(place.label("needsClass"))).as("a learner is enrolled unless luca says otherwise")
			.isTrue();
		luca.waitForText(place.label("level"));
		assertInLanguage(luca, "literacy-placement");
		luca.choose(place.label("level"), place.option("level", "PRE_LITERATE"))
			.pick(place.label("availableTimes"), place.option("availableTimes", "AFTERNOON"));
		// Refusal in literacy: an adult placement with no day ticked.
		refusal = luca.refused(formErrors.getString("error.choose_one"), desk -> {
		});
		assertRefused(refusal, "literacy-placement", "availableDays", "choose_one");
		luca.shot("literacy-placement-refused");
		assertThat(luca.shows(placement, caseNumber)).as("the refused placement stays in luca's list").isTrue();

		// Moussa, nine, is asked what his school needs, not a level in Italian nor class hours
		luca.openTask(placement, caseNumber, name -> name.contains("Moussa"));
		luca.waitForText(place.label("schoolingSoFar"));
		assertThat(luca.has(place.label("level"))).as("a level asked of a child").isFalse();
		assertThat(luca.has(place.label("availableDays"))).as("class days asked of a child").isFalse();
		assertInLanguage(luca, "literacy-placement");
		luca.choose(place.label("schoolingSoFar"), place.option("schoolingSoFar", "NEVER"));
		assertThat(luca.has(place.label("lastSchoolYear"))).as("a last year asked of a child never at school")
			.isFalse();
		luca.shot("literacy-placement-child");
		luca.complete(placement + " (child, 9)");
		assertEveryScreenInLanguage();
	}

}
