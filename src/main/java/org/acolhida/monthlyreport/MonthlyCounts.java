package org.acolhida.monthlyreport;

import java.util.List;
import java.util.Optional;

import org.acolhida.units.ServiceUnit;
import org.springframework.stereotype.Component;

/** Finds the one {@link MonthlyCount} a unit reports with, among the beans of the application. */
@Component
class MonthlyCounts {

	private final List<MonthlyCount> counts;

	MonthlyCounts(List<MonthlyCount> counts) {
		this.counts = List.copyOf(counts);
	}

	/** The report the unit sends; empty for a unit that sends none (a shelter, a school). */
	Optional<MonthlyCount> forUnit(ServiceUnit unit) {
		return counts.stream().filter(count -> count.reportsFor(unit)).findFirst();
	}

	/** The report of that name. */
	Optional<MonthlyCount> named(String report) {
		return counts.stream().filter(count -> count.report().equals(report)).findFirst();
	}

}
