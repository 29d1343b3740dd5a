package org.acolhida.units;

import org.springframework.data.relational.core.mapping.Table;

/** One interval of the hours that replace the regular ones during a {@link ScheduleException}. */
@Table("exception_interval")
public record ExceptionInterval(int dayOfWeek, int opensMinute, int closesMinute) implements WeeklySlot {
}
