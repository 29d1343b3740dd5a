package org.acolhida.units;

import org.springframework.data.relational.core.mapping.Table;

@Table("unit_language")
record UnitLanguage(String language) {
}
