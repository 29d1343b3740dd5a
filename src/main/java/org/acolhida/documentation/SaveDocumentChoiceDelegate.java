package org.acolhida.documentation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.acolhida.language.ComposedTexts;
import org.acolhida.language.FormMessages;
import org.acolhida.language.FormValues;
import org.acolhida.language.WorkLanguage;
import org.acolhida.language.Words;

import org.acolhida.cases.CaseSummary;
import org.acolhida.cases.Member;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.errors.FieldErrors;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;
import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Turns the adviser's choice into document requests, one trail each.
 * <p>
 * Reads {@code chosenDocuments} (a list of {@code TYPE:memberNo}), {@code householdSituation} and
 * {@code caseNumber}. Writes {@code documentRequests} (comma separated, no duplicates; empty when
 * nothing is needed) and removes {@code documentOptions}. Raises
 * a form refusal (REST 400, see {@link FormMessages#refused}) for a request of an unknown document or of a
 * member the household does not have, or an unknown situation: the task stays open.
 * <p>
 * It also refuses what the form no longer offers ({@link LoadCaseDelegate#options}) but a call to
 * {@code /engine-rest} can still send: a document of another country than the unit's, and one the
 * member is too young for (no work card under 14), with ages on the date it is at the unit. The
 * refusal names the document and the member in the worker's words, not the request's code.
 */
@Component("saveDocumentChoiceDelegate")
@ProvidesVariables({ Variables.DOCUMENT_REQUESTS })
class SaveDocumentChoiceDelegate implements JavaDelegate {

	private final CaseLookup cases;

	private final FormMessages messages;

	private final UnitDirectory units;

	private final ComposedTexts texts;

	private final WorkLanguage language;

	private final Clock clock;

	SaveDocumentChoiceDelegate(CaseLookup cases, FormMessages messages, UnitDirectory units, ComposedTexts texts,
			WorkLanguage language, Clock clock) {
		this.messages = messages;
		this.cases = cases;
		this.units = units;
		this.texts = texts;
		this.language = language;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseSummary file = cases.existing(CASE_NUMBER.from(execution).get());
		Map<Integer, Member> members = file.getMembers()
			.stream()
			.collect(Collectors.toMap(Member::memberNo, Function.identity()));
		ServiceUnit unit = units.unit(file.getOwningUnit());
		LocalDate today = LocalDate.now(clock.withZone(unit.getZone()));
		// The refusal names the document in the words the worker reads it in (FormMessages gives it the
		// same language): the message must not show a code such as CTPS_DIGITAL.
		Words words = texts.in(language.forCurrentUser(file.getOwningUnit()));
		Set<String> requests = new LinkedHashSet<>();
		FieldErrors errors = new FieldErrors();
		try {
			Situation.of(execution.getVariable(Variables.HOUSEHOLD_SITUATION));
			for (String chosen : FormValues.list(execution.getVariable(Variables.CHOSEN_DOCUMENTS))) {
				DocumentRequest request = DocumentRequest.parse(chosen, Variables.CHOSEN_DOCUMENTS);
				Member member = members.get(request.memberNo());
				String document = words.word("documentType", request.documentType());
				if (member == null) {
					errors.reject(Variables.CHOSEN_DOCUMENTS, "the household has no member " + request.memberNo());
				}
				else if (!request.documentType().country().equals(unit.getCountry())) {
					errors.reject(Variables.CHOSEN_DOCUMENTS, document + " is not issued in this unit's country");
				}
				else if (!request.documentType().fitsAge(member.ageOn(today))) {
					errors.reject(Variables.CHOSEN_DOCUMENTS,
							document + " is not issued to " + member.fullName() + ", aged " + member.ageOn(today));
				}
				requests.add(request.key());
			}
			errors.throwIfAny();
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, UNIT_CODE.from(execution).getOrNull());
		}
		execution.setVariable(Variables.DOCUMENT_REQUESTS, String.join(",", requests));
		execution.removeVariable(Variables.DOCUMENT_OPTIONS);
	}

}
