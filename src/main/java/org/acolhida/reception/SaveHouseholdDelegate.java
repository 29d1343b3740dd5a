package org.acolhida.reception;

import org.acolhida.language.FormValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.NewPerson.NewDocument;
import org.acolhida.cases.Relation;
import org.acolhida.language.FormMessages;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the household from the register-household form into the case file.
 * <p>
 * Reads {@code caseNumber} and {@code householdMembers} (JSON list, as the form's dynamic list
 * submits it: relation, givenName, familyName, birthDate, nationality, languages, documentType,
 * documentNumber; absent or empty when the person came alone). Writes {@code childrenInHousehold}
 * (anyone under 18), which the listening form shows for the worker to confirm, and removes
 * {@code householdMembers}: the case file holds them. Raises
 * {@link InvalidFormException} on a missing field or a birth date in the
 * future; the task then stays open with the message.
 */
@Component("saveHouseholdDelegate")
class SaveHouseholdDelegate implements JavaDelegate {

	private final CaseFiles cases;

	private final ObjectMapper json;

	private final FormMessages messages;

	SaveHouseholdDelegate(CaseFiles cases, ObjectMapper json, FormMessages messages) {
		this.cases = cases;
		this.json = json;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) throws Exception {
		String caseNumber = (String) execution.getVariable(Variables.CASE_NUMBER);
		Object submitted = execution.getVariable(Variables.HOUSEHOLD_MEMBERS);
		CaseFile file;
		try {
			file = cases.registerHousehold(caseNumber, members(submitted));
		}
		catch (InvalidInputException e) {
			throw FormInput.refused(e, messages, execution.getVariable(Variables.UNIT_CODE));
		}
		LocalDate today = LocalDate.now();
		execution.setVariable(Variables.CHILDREN_IN_HOUSEHOLD,
				file.getMembers().stream().map(m -> m.ageOn(today)).anyMatch(age -> age < 18));
		execution.removeVariable(Variables.HOUSEHOLD_MEMBERS);
	}

	private List<NewPerson> members(Object submitted) throws Exception {
		List<NewPerson> members = new ArrayList<>();
		if (submitted == null || submitted.toString().isBlank()) {
			return members;
		}
		JsonNode list = json.readTree(submitted.toString());
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

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

}
