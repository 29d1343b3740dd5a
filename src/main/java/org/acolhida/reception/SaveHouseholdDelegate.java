package org.acolhida.reception;

import java.time.Clock;
import org.acolhida.language.FormValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.cases.CaseSummary;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.NewPerson.NewDocument;
import org.acolhida.cases.Relation;
import org.acolhida.language.FormMessages;
import org.acolhida.language.InvalidFormException;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;
import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Writes the household from the register-household form into the case file.
 * <p>
 * Reads {@code caseNumber} and the household: {@code householdMembers} (JSON list, from the REST
 * API or Java: relation, givenName, familyName, birthDate, nationality, languages, documentType,
 * documentNumber; absent or empty when the person came alone), or else the form's
 * {@code membersCount} and member groups {@code member1..member8} with the same fields. Writes {@code childrenInHousehold}
 * (anyone under 18), which the listening form shows for the worker to confirm, and removes
 * {@code householdMembers}: the case file holds them. Raises
 * {@link InvalidFormException} on a missing field, a birth date in the future or a household that is
 * not a JSON list; the task then stays open with the message.
 */
@Component("saveHouseholdDelegate")
class SaveHouseholdDelegate implements JavaDelegate {

	/**
	 * The household form asks how many came ({@code membersCount}) and shows a group per member
	 * ({@code member1} ... {@code member8}): Tasklist 7.24 cannot complete a form once a field in a
	 * dynamic list was edited, so the form has fixed groups instead.
	 */
	static final String MEMBERS_COUNT = "membersCount";

	static final String MEMBER_GROUP = "member";

	static final int MAX_MEMBER_GROUPS = 8;

	private final CaseFiles cases;

	private final ObjectMapper json;

	private final FormMessages messages;

	private final UnitDirectory units;

	private final Clock clock;

	SaveHouseholdDelegate(CaseFiles cases, ObjectMapper json, FormMessages messages, UnitDirectory units, Clock clock) {
		this.cases = cases;
		this.json = json;
		this.messages = messages;
		this.units = units;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) throws Exception {
		String caseNumber = CASE_NUMBER.from(execution).get();
		CaseSummary file;
		try {
			Object submitted = execution.getVariable(Variables.HOUSEHOLD_MEMBERS);
			if (submitted == null) {
				submitted = fromMemberGroups(execution);
			}
			file = cases.registerHousehold(caseNumber, members(submitted));
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, UNIT_CODE.from(execution).getOrNull());
		}
		// a child is under 18 on the date it is at the case's unit
		LocalDate today = LocalDate.now(clock.withZone(units.unit(file.getOwningUnit()).getZone()));
		ReceptionProcess.CHILDREN_IN_HOUSEHOLD.on(execution).set(
				file.getMembers().stream().map(m -> m.ageOn(today)).anyMatch(age -> age < 18));
		execution.removeVariable(Variables.HOUSEHOLD_MEMBERS);
		execution.removeVariable(MEMBERS_COUNT);
		for (int n = 1; n <= MAX_MEMBER_GROUPS; n++) {
			execution.removeVariable(MEMBER_GROUP + n);
		}
	}

	/** The form's member groups ({@code member1}, {@code member2}, ...) as the list the API takes. */
	private String fromMemberGroups(DelegateExecution execution) throws Exception {
		Object count = execution.getVariable(MEMBERS_COUNT);
		int members = count == null || count.toString().isBlank() ? 0 : (int) Double.parseDouble(count.toString());
		com.fasterxml.jackson.databind.node.ArrayNode list = json.createArrayNode();
		for (int n = 1; n <= Math.min(members, MAX_MEMBER_GROUPS); n++) {
			Object group = execution.getVariable(MEMBER_GROUP + n);
			list.add(group == null ? json.createObjectNode() : tree(group.toString()));
		}
		return list.toString();
	}

	private List<NewPerson> members(Object submitted) throws Exception {
		List<NewPerson> members = new ArrayList<>();
		if (submitted == null || submitted.toString().isBlank()) {
			return members;
		}
		JsonNode list = tree(submitted.toString());
		for (int i = 0; i < list.size(); i++) {
			JsonNode m = list.get(i);
			String relation = FormValues.text(text(m, "relation"));
			Relation parsed = null;
			if (relation != null) {
				try {
					parsed = Relation.valueOf(relation.toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException e) {
					throw new InvalidInputException("members[" + i + "].relation", "unknown relation '" + relation + "'");
				}
			}
			members.add(new NewPerson(parsed, FormValues.text(text(m, "givenName")),
					FormValues.text(text(m, "familyName")),
					FormValues.date(text(m, "birthDate"), "members[" + i + "].birthDate"),
					FormValues.text(text(m, "nationality")), FormValues.codes(text(m, "languages")),
					List.of(new NewDocument(FormValues.text(text(m, "documentType")),
							FormValues.text(text(m, "documentNumber"))))));
		}
		return members;
	}

	/**
	 * The parser's own message quotes what it could not read, which may be a name typed as text; the
	 * refusal reaches the engine's log, so it says only what was expected.
	 */
	private JsonNode tree(String text) {
		try {
			return json.readTree(text);
		}
		catch (JsonProcessingException e) {
			throw new InvalidInputException("members", "is not a list of household members");
		}
	}

	/** A field's text; a list (the languages of a tag list) as its JSON, which {@link FormValues#codes} reads. */
	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isContainerNode() ? value.toString() : value.asText();
	}

}
