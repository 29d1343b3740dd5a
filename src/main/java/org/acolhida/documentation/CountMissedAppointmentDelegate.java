package org.acolhida.documentation;

import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts an appointment the person did not come to. Reads and writes {@code noShows} of the trail;
 * the diagram compares it with {@code documentationSettings.noShowsToCoordinator}. Raises nothing.
 */
@Component("countMissedAppointmentDelegate")
@ProvidesVariables({ Variables.NO_SHOWS })
class CountMissedAppointmentDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		Object before = execution.getVariable(Variables.NO_SHOWS);
		int count = before instanceof Number n ? n.intValue() : 0;
		execution.setVariable(Variables.NO_SHOWS, count + 1);
	}

}
