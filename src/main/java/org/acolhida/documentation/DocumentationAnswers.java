package org.acolhida.documentation;

import org.acolhida.language.FormMessages;
import org.acolhida.language.FormValues;
import java.util.Map;
import java.util.List;

import org.acolhida.documentation.DocumentationProcess.Elements;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.errors.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Refuses a task completion whose decisive answer is missing or unknown, before a gateway would
 * take a path on it: a misspelt renewal decision must not end a renewal as "not needed", an unknown
 * outcome must not stop the trail with an engine error.
 * <p>
 * Used as {@code <camunda:executionListener event="end" delegateExpression="${documentationAnswers}"/>} on
 * the user task: unlike a task listener's, its exception reaches the caller as it is (REST 400, not
 * 500). A task ended by a boundary timer is not checked: nobody answered it.
 * Reads the answer of the completed task ({@code renewalDecision}, {@code attendance},
 * {@code outcome}, {@code legalAidOutcome}, {@code coordinatorDecision}; at the orientation
 * {@code missingPapers} when papers are missing). Writes nothing. Raises
 * a form refusal (REST 400, see {@link FormMessages#refused}): Tasklist shows it above the form, the
 * completion rolls back and the task stays open.
 */
@Component("documentationAnswers")
class DocumentationAnswers implements ExecutionListener {

	private final FormMessages messages;

	DocumentationAnswers(FormMessages messages) {
		this.messages = messages;
	}

	private record Choice(String field, List<String> values) {
	}

	private static final Map<String, Choice> CHOICES = Map.of(
			Elements.RENEWAL_REMINDER, new Choice(Variables.RENEWAL_DECISION, List.of("RENEW", "NOT_NEEDED")),
			Elements.CONFIRM_ATTENDANCE, new Choice(Variables.ATTENDANCE, List.of("CONFIRMED", "CANCELLED")),
			Elements.RECORD_OUTCOME, new Choice(Variables.OUTCOME, List.of("ISSUED", "PENDING", "REFUSED", "NO_SHOW")),
			Elements.REFER_LEGAL_AID,
			new Choice(Variables.LEGAL_AID_OUTCOME, List.of("REFERRED", "DECLINED", "ARRANGED_OUTSIDE")),
			Elements.COORDINATOR_NO_SHOWS, new Choice(Variables.COORDINATOR_DECISION, List.of("TRY_AGAIN", "CLOSE")));

	@Override
	public void notify(DelegateExecution task) {
		if (task.isCanceled()) {
			return;
		}
		try {
			Choice choice = CHOICES.get(task.getCurrentActivityId());
			if (choice != null) {
				String answer = FormValues.text(task.getVariable(choice.field()));
				if (answer == null) {
					throw new InvalidInputException(choice.field(), "is required");
				}
				if (!choice.values().contains(answer)) {
					throw new InvalidInputException(choice.field(),
							"'" + answer + "' is not one of " + choice.values());
				}
			}
			if (Elements.ORIENTATION.equals(task.getCurrentActivityId())
					&& !FormValues.flag(task.getVariable(Variables.PAPERS_COMPLETE))
					&& FormValues.text(task.getVariable(Variables.MISSING_PAPERS)) == null) {
				throw new InvalidInputException(Variables.MISSING_PAPERS, "is required when papers are missing");
			}
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, UNIT_CODE.from(task).getOrNull());
		}
	}

}
