package org.acolhida.literacy;

import java.util.List;

import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Looks for the best adults' class for a learner, after the placement or after losing a seat to
 * another learner.
 * <p>
 * Reads the placement ({@code level}, {@code literateInOwnLanguage}, {@code availableDays},
 * {@code availableTimes}, {@code learnerDistrict}) and {@code unitCode} (municipality, language of
 * instruction). Writes {@code classLevel}, {@code classFound} and {@code classCode} (the best class,
 * see {@link ClassSearch}; null when none fits). Raises
 * a form refusal ({@link org.acolhida.language.FormMessages#refused}) on an incomplete placement, so the
 * placement task stays open with the message.
 */
@Component("findClassDelegate")
@ProvidesVariables({ Variables.CLASS_LEVEL, Variables.CLASS_FOUND, Variables.CLASS_CODE })
class FindClassDelegate implements JavaDelegate {

	private final Placements placements;

	private final ClassSearch search;

	FindClassDelegate(Placements placements, ClassSearch search) {
		this.placements = placements;
		this.search = search;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LearnerNeed need = placements.need(execution);
		List<ClassOption> classes = search.classesFor(need);
		execution.setVariable(Variables.CLASS_LEVEL, need.level().name());
		execution.setVariable(Variables.CLASS_FOUND, !classes.isEmpty());
		execution.setVariable(Variables.CLASS_CODE, classes.isEmpty() ? null : classes.get(0).code());
	}

}
