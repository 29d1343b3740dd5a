package org.acolhida.literacy;

import org.acolhida.cases.Member;
import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;
import static org.acolhida.variables.CaseVariables.PERSON_NAME;
import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Looks up one learner of the household before their placement.
 * <p>
 * Reads {@code caseNumber} and {@code learnerRef}. Writes, into the learner's subprocess instance
 * (which declares them as local inputs), {@code personName} (the learner's, for task names and
 * forms), {@code learnerAge} (on the engine's date) and {@code schoolAge}; and the placement's
 * checklists {@code availableDays} and {@code availableTimes} as empty JSON lists, and {@code needsClass}
 * true. A learner the case file
 * no longer has (the household was registered again meanwhile) is a fault: an incident, retried once
 * the case file is right.
 */
@Component("prepareLearnerDelegate")
@ProvidesVariables({ Variables.PERSON_NAME, Variables.LEARNER_AGE, Variables.SCHOOL_AGE, Variables.AVAILABLE_DAYS,
		Variables.AVAILABLE_TIMES, Variables.NEEDS_CLASS })
class PrepareLearnerDelegate implements JavaDelegate {

	private final Learners learners;

	private final LiteracySettings settings;

	PrepareLearnerDelegate(Learners learners, LiteracySettings settings) {
		this.learners = learners;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.from(execution).get();
		String learnerRef = LiteracyEnrollmentProcess.LEARNER_REF.from(execution).get();
		Member member = learners.member(caseNumber, learnerRef)
			.orElseThrow(() -> new IllegalStateException(
					"Learner " + learnerRef + " is no longer a member of case " + caseNumber));
		int age = member.ageOn(learners.today(UNIT_CODE.from(execution).get()));
		PERSON_NAME.on(execution).set(member.fullName());
		execution.setVariable(Variables.LEARNER_AGE, age);
		execution.setVariable(Variables.SCHOOL_AGE, settings.isSchoolAge(age));
		// The learner's scope declares the checklists without a value, so they exist typed Null. Tasklist
		// sends a checklist's ticks typed as the variable it finds, and the engine cannot read a list as
		// Null: typed as JSON lists, the ticks arrive as JSON, none ticked as [].
		execution.setVariable(Variables.AVAILABLE_DAYS, SpinValues.jsonValue("[]").create());
		execution.setVariable(Variables.AVAILABLE_TIMES, SpinValues.jsonValue("[]").create());
		// The placement form ticks "enrol in a class" by default, but Tasklist gives a form the variable it
		// finds over the form's default, and the scope declares this one empty: the box came unticked and
		// hid the level and the days, so every learner had to be ticked in by hand.
		execution.setVariable(Variables.NEEDS_CLASS, true);
	}

}
