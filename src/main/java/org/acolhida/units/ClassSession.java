package org.acolhida.units;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A weekly lesson of a literacy class. */
@Table("class_session")
public record ClassSession(int dayOfWeek, @Column("starts_minute") int opensMinute,
		@Column("ends_minute") int closesMinute) implements WeeklySlot {
}
