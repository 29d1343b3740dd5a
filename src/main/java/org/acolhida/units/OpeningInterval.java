package org.acolhida.units;

import org.springframework.data.relational.core.mapping.Table;

/** One interval of a unit's regular weekly opening hours. */
@Table("opening_interval")
public record OpeningInterval(int dayOfWeek, int opensMinute, int closesMinute) implements WeeklySlot {
}
