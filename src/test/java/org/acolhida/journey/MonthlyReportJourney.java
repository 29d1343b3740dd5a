package org.acolhida.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

import org.acolhida.monthlyreport.MonthlyReportProcess;
import org.acolhida.monthlyreport.MonthlyReportService;
import org.acolhida.support.FormLabels;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's coordinator reviews last month's report from their own list: the draft is prepared (by the
 * engine, the unit's first working day being past, or fired here when it is still ahead), the coordinator opens "Coordination · their unit", finds the
 * review of the month, sees the workflow's count in the form, is refused a negative figure in their
 * language (a figure left to fill, empty), corrects a counted figure, fills the ones left to them and confirms; the month is locked
 * with their name and the correction. Which report and form the unit gets, which figures are counted
 * and which are left to fill are read from the draft, so the same steps serve an Italian desk's summary
 * and a CRAS's RMA. Each language is a subclass: the coordinator.
 */
abstract class MonthlyReportJourney extends StaffJourney {

	private final String coordinator;

	@Autowired
	MonthlyReportService reports;

	@Autowired
	RuntimeService runtime;

	@Autowired
	Clock clock;

	MonthlyReportJourney(String journey, String language, String coordinator) {
		super(journey, language);
		this.coordinator = coordinator;
	}

	@Test
	void shouldReviewCorrectAndConfirmTheMonthFromTheCoordinatorsOwnList() {
		String unit = unitOf(coordinator, "coordinator");
		YearMonth month = monthWithoutReport(unit);
		ProcessInstance instance = reports.start(unit, month);
		draftIsPrepared(instance);
		Map<String, Object> shown = new TreeMap<>(runtime.getVariables(instance.getId()));
		String formId = "monthly-report-" + shown.get(MonthlyReportProcess.Variables.REPORT);
		List<String> toFill = items(shown, false);
		List<String> counted = items(shown, true);
		assertThat(counted).as("figures the workflow counted").isNotEmpty();
		String corrected = counted.get(0);
		long count = ((Number) shown.get(corrected)).longValue();

		Desk desk = desk(coordinator);
		String review = step(MonthlyReportProcess.KEY, MonthlyReportProcess.Elements.REVIEW);
		openDeskList(desk, "coordinator", unit).openTask(review, month.toString());
		FormLabels form = form(formId);
		desk.waitForText(form.label(corrected));
		assertInLanguage(desk, formId);
		assertThat(desk.value(form.label(corrected))).as("the workflow's count of %s", corrected)
			.isEqualTo(String.valueOf(count));
		for (String item : toFill) {
			assertThat(desk.value(form.label(item))).as("%s, left to fill", item).isEmpty();
		}
		desk.shot("monthly-report-draft");

		// A figure left to fill is refused empty; with none to fill, a negative figure is.
		desk.type(form.label(corrected), String.valueOf(count + 1));
		toFill.stream().skip(1).forEach(item -> desk.type(form.label(item), "3"));
		String refusal;
		if (toFill.isEmpty()) {
			refusal = desk.refused(formErrors.getString("error.negative"),
					mistake -> mistake.type(form.label(corrected), "-1"));
			assertRefused(refusal, formId, corrected, "negative");
			desk.type(form.label(corrected), String.valueOf(count + 1));
		}
		else {
			refusal = desk.refused(formErrors.getString("error.required"), mistake -> {
			});
			assertRefused(refusal, formId, toFill.get(0), "required");
			desk.type(form.label(toFill.get(0)), "3");
		}
		assertThat(desk.shows(review, month.toString())).as("the refused review stays in the list").isTrue();
		desk.shot("monthly-report-corrected");
		desk.complete(review);

		String code = corrected.substring("item_".length()).replace('_', '.');
		assertThat(jdbc.queryForObject("SELECT status FROM monthly_report WHERE unit_code = ? AND report_month = ?",
				String.class, unit, month.toString())).isEqualTo("CONFIRMED");
		assertThat(jdbc.queryForObject("SELECT confirmed_by FROM monthly_report WHERE unit_code = ? AND report_month = ?",
				String.class, unit, month.toString())).isEqualTo(coordinator);
		assertThat(jdbc.queryForObject("""
				SELECT i.corrected_value FROM monthly_report_item i JOIN monthly_report r ON r.id = i.monthly_report
				WHERE r.unit_code = ? AND r.report_month = ? AND i.code = ?""", Long.class, unit, month.toString(), code))
			.isEqualTo(count + 1);
		assertEveryScreenInLanguage();
	}

	/**
	 * Waits for the draft: the engine's job executor prepares it at once when the unit's first working
	 * day is past; one still ahead is fired here, as a journey cannot wait for it.
	 */
	private void draftIsPrepared(ProcessInstance instance) {
		Instant until = Instant.now().plusSeconds(60);
		while (tasks.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(MonthlyReportProcess.Elements.REVIEW).count() == 0) {
			assertThat(Instant.now()).as("the draft of %s to be prepared", instance.getBusinessKey()).isBefore(until);
			Job draft = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
			if (draft != null && draft.getDuedate().toInstant().isAfter(clock.instant())) {
				management.executeJob(draft.getId());
			}
			else {
				LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
			}
		}
	}

	/** The review form's fields of the draft whose figure the workflow counted, or left to fill. */
	private static List<String> items(Map<String, Object> shown, boolean counted) {
		return shown.entrySet().stream()
			.filter(entry -> entry.getKey().startsWith("counted_") && Boolean.valueOf(counted).equals(entry.getValue()))
			.map(entry -> "item_" + entry.getKey().substring("counted_".length()))
			.toList();
	}

	/**
	 * The latest month the unit has not reported yet, last month if it is free, so that its deadline and
	 * reminder are still ahead, and the journey can run again on one database.
	 */
	private YearMonth monthWithoutReport(String unit) {
		YearMonth month = YearMonth.now(clock).minusMonths(1);
		while (jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report WHERE unit_code = ? AND report_month = ?",
				Long.class, unit, month.toString()) > 0) {
			month = month.minusMonths(1);
		}
		return month;
	}

}
