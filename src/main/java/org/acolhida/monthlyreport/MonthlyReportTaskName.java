package org.acolhida.monthlyreport;

import org.acolhida.monthlyreport.MonthlyReportProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names a monthly report's tasks after the month and the unit, e.g. "Rivedere il resoconto mensile ·
 * 2026-11 · Servizio Immigrazione Caritas": they are of no case, so the case number and person that
 * every other task carries ({@code language.TaskNaming}, which has named the step in the unit's
 * language before this listener runs) would leave them alike from one month to the next.
 * <p>
 * Reads {@code reportMonth} and {@code unitName}; writes the task's name.
 */
@Component("monthlyReportTaskName")
class MonthlyReportTaskName implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		Object month = task.getVariable(Variables.REPORT_MONTH);
		Object unit = task.getVariable(Variables.UNIT_NAME);
		task.setName(task.getName() + " · " + month + " · " + unit);
	}

}
