package org.acolhida.monthlyreport;

import java.time.YearMonth;
import java.util.Map;

import org.acolhida.monthlyreport.MonthlyReportProcess.Variables;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Starts the monthly-report protocol: one unit's month by hand (a month the calendar did not open, a
 * test), and the calendar that opens every month's reports by itself.
 * <p>
 * The calendar is a process that runs for as long as the application does, started here by message
 * when none is running, rather than a process with a timer start: protocols may not start by a timer
 * ({@code ProtocolCheck}). Its timer, and the call to {@code monthly-report} for each entry door, are in
 * its diagram, for managers to change in Modeler like any protocol. Off with
 * {@code acolhida.monthly-report.calendar=false}, e.g. on all nodes but one.
 */
@Service
@Order(40)
public class MonthlyReportService implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MonthlyReportService.class);

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final UnitDirectory directory;

	private final boolean calendar;

	MonthlyReportService(RuntimeService runtime, RepositoryService repository, UnitDirectory directory,
			@Value("${acolhida.monthly-report.calendar:true}") boolean calendar) {
		this.runtime = runtime;
		this.repository = repository;
		this.directory = directory;
		this.calendar = calendar;
	}

	/** Starts the review of one unit's month, with the business key {@code <unit>/<YYYY-MM>}. */
	public ProcessInstance start(String unitCode, YearMonth month) {
		directory.unit(unitCode); // an unknown unit fails here, before anything starts
		return runtime.startProcessInstanceByKey(MonthlyReportProcess.KEY,
				MonthlyReportProcess.businessKey(unitCode, month),
				Map.of(Variables.UNIT_CODE, unitCode, Variables.REPORT_MONTH, month.toString()));
	}

	@Override
	public void run(ApplicationArguments args) {
		if (calendar) {
			openCalendar();
		}
	}

	/** Starts the calendar unless one runs, or its diagram is not deployed (a test deploying only some). */
	void openCalendar() {
		boolean deployed = repository.createProcessDefinitionQuery()
			.processDefinitionKey(MonthlyReportProcess.CALENDAR_KEY)
			.count() > 0;
		boolean running = runtime.createProcessInstanceQuery()
			.processDefinitionKey(MonthlyReportProcess.CALENDAR_KEY)
			.count() > 0;
		if (deployed && !running) {
			runtime.createMessageCorrelation(MonthlyReportProcess.CALENDAR_MESSAGE)
				.processInstanceBusinessKey(MonthlyReportProcess.CALENDAR_KEY)
				.correlateStartMessage();
			log.info("Monthly report calendar opened");
		}
	}

}
