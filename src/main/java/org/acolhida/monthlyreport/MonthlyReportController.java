package org.acolhida.monthlyreport;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.NotFoundException;
import org.acolhida.identity.CurrentUser;
import org.acolhida.staff.Role;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's month as the coordinator confirmed it: the locked figures and, per item, today's recount and
 * the difference, so that a case changed after the confirmation shows instead of rewriting the month.
 * The locked month cannot be corrected through the protocol any more (its review task is completed);
 * a correction to the ministry goes through its own channel, and this answer shows what to correct.
 * <p>
 * Read by the unit's coordinators, with the cases behind each figure, and by managers without them:
 * case numbers never leave the unit. Anybody else gets 403.
 */
@RestController
@RequestMapping("/api/reports/monthly")
@Tag(name = "Monthly reports", description = "The RMA and the Italian desks' summary, as confirmed and as recounted")
class MonthlyReportController {

	private final MonthlyReports reports;

	private final MonthlyCounts counts;

	private final UnitDirectory directory;

	private final CurrentUser currentUser;

	MonthlyReportController(MonthlyReports reports, MonthlyCounts counts, UnitDirectory directory,
			CurrentUser currentUser) {
		this.reports = reports;
		this.counts = counts;
		this.directory = directory;
		this.currentUser = currentUser;
	}

	/** One item: what was confirmed, what the cases say now, and the difference (null while either is unknown). */
	record ItemView(String code, String block, String name, boolean counted, Long countedValue, Long confirmed,
			Long recount, Long difference, List<String> caseNumbers) {
	}

	record ReportView(String unit, String month, String report, String status, String confirmedBy, Instant confirmedAt,
			List<ItemView> items) {
	}

	@GetMapping("/{unit}/{month}")
	@Operation(summary = "A unit's monthly report: the locked figures, today's recount and the difference per item")
	ReportView report(@PathVariable String unit, @PathVariable String month) {
		YearMonth yearMonth;
		try {
			yearMonth = YearMonth.parse(month);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("month", "is not a month (expected YYYY-MM)");
		}
		boolean ownUnit = currentUser.isMember(Role.COORDINATOR.at(unit));
		if (!ownUnit && !currentUser.isNetwork()) {
			throw new ForbiddenException("Only the unit's coordinators and managers read its monthly report");
		}
		MonthlyReports.Report report = reports.find(unit, yearMonth)
			.orElseThrow(() -> new NotFoundException("No monthly report of " + unit + " for " + yearMonth));
		ServiceUnit serviceUnit = directory.unit(unit);
		// The recount reads the cases as the application: the caller's right to the unit's figures is decided above.
		Map<String, Figure> now = counts.named(report.report())
			.map(count -> currentUser.asApplication(() -> count.count(serviceUnit, yearMonth)))
			.orElse(List.of())
			.stream()
			.collect(Collectors.toMap(Figure::code, Function.identity(), (a, b) -> a));
		List<ItemView> items = report.items().stream().map(item -> {
			Figure live = now.get(item.code());
			Long recount = live == null || !live.counted() ? null : live.value();
			Long confirmed = report.status() == MonthlyReports.Status.CONFIRMED ? item.confirmedValue() : null;
			Long difference = recount == null || confirmed == null ? null : recount - confirmed;
			return new ItemView(item.code(), item.block(), item.name(), item.counted(), item.value(), confirmed, recount,
					difference, ownUnit ? item.caseNumbers() : List.of());
		}).toList();
		return new ReportView(unit, yearMonth.toString(), report.report(), report.status().name(), report.confirmedBy(),
				report.confirmedAt(), items);
	}

}
