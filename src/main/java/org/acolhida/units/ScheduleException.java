package org.acolhida.units;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Dated hours that replace the weekly ones from {@code validFrom} to {@code validTo} inclusive:
 * a closure ({@code closed}, no intervals) or a rota, such as the summer weeks in which Cremona's
 * sites alternate so that the service never stops.
 */
@Table("schedule_exception")
public record ScheduleException(@Id Long id, String label, LocalDate validFrom, LocalDate validTo, boolean closed,
		@MappedCollection(idColumn = "schedule_exception",
				keyColumn = "schedule_exception_key") List<ExceptionInterval> intervals) {

	public ScheduleException {
		intervals = intervals == null ? List.of() : List.copyOf(intervals);
	}

	boolean covers(LocalDate date) {
		return !date.isBefore(validFrom) && !date.isAfter(validTo);
	}

}
