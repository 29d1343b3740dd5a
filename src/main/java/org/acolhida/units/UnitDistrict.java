package org.acolhida.units;

import org.springframework.data.relational.core.mapping.Table;

@Table("unit_district")
record UnitDistrict(String district) {
}
