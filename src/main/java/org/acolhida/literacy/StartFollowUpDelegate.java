package org.acolhida.literacy;

import java.util.HashMap;
import java.util.Map;

import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/**
 * Hands an enrolled or waiting learner over to a follow-up instance of the same process (message
 * start {@value LiteracyEnrollmentProcess#FOLLOW_UP_MESSAGE}, business key the case number), so that
 * the placement can end and reception is not held while the learner waits for a seat or starts
 * the class.
 * <p>
 * Reads {@code caseNumber}, {@code unitCode}, {@code personName} (the learner's),
 * {@code learnerRef}, {@code learnerDistrict}, {@code classCode}, {@code enrollmentId} (set when
 * enrolled) and {@code waitlistEntryId} (set when waiting); passes them on as the follow-up
 * instance's variables. Writes nothing here. Raises no BPMN error.
 */
@Component("startFollowUpDelegate")
class StartFollowUpDelegate implements JavaDelegate {

	private final RuntimeService runtime;

	StartFollowUpDelegate(@Lazy RuntimeService runtime) {
		this.runtime = runtime;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.from(execution).get();
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.CASE_NUMBER, caseNumber);
		variables.put(Variables.UNIT_CODE, execution.getVariable(Variables.UNIT_CODE));
		variables.put(Variables.PERSON_NAME, execution.getVariable(Variables.PERSON_NAME));
		variables.put(Variables.LEARNER_REF, execution.getVariable(Variables.LEARNER_REF));
		variables.put(Variables.DISTRICT, execution.getVariable(Variables.LEARNER_DISTRICT));
		variables.put(Variables.CLASS_CODE, execution.getVariable(Variables.CLASS_CODE));
		boolean enrolled = Boolean.TRUE.equals(execution.getVariable(Variables.SEAT_TAKEN));
		variables.put(Variables.ENROLLMENT_ID, enrolled ? execution.getVariable(Variables.ENROLLMENT_ID) : null);
		variables.put(Variables.WAITLIST_ENTRY_ID, enrolled ? null : execution.getVariable(Variables.WAITLIST_ENTRY_ID));
		runtime.startProcessInstanceByMessage(LiteracyEnrollmentProcess.FOLLOW_UP_MESSAGE, caseNumber, variables);
	}

}
