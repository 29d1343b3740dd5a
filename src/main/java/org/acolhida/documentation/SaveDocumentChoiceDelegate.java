package org.acolhida.documentation;

import org.acolhida.language.FormMessages;
import org.acolhida.language.FormValues;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.acolhida.cases.CaseSummary;
import org.acolhida.cases.Member;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.errors.FieldErrors;
import org.acolhida.errors.InvalidInputException;
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
 */
@Component("saveDocumentChoiceDelegate")
@ProvidesVariables({ Variables.DOCUMENT_REQUESTS })
class SaveDocumentChoiceDelegate implements JavaDelegate {

	private final CaseLookup cases;

	private final FormMessages messages;

	SaveDocumentChoiceDelegate(CaseLookup cases, FormMessages messages) {
		this.messages = messages;
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseSummary file = cases.existing(CASE_NUMBER.from(execution).get());
		Set<Integer> members = file.getMembers().stream().map(Member::memberNo).collect(Collectors.toSet());
		Set<String> requests = new LinkedHashSet<>();
		FieldErrors errors = new FieldErrors();
		try {
			Situation.of(execution.getVariable(Variables.HOUSEHOLD_SITUATION));
			for (String chosen : FormValues.list(execution.getVariable(Variables.CHOSEN_DOCUMENTS))) {
				DocumentRequest request = DocumentRequest.parse(chosen, Variables.CHOSEN_DOCUMENTS);
				if (!members.contains(request.memberNo())) {
					errors.reject(Variables.CHOSEN_DOCUMENTS, "the household has no member " + request.memberNo());
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
