package org.acolhida.units;

import org.springframework.data.relational.core.mapping.Table;

@Table("unit_document_type")
record UnitDocumentType(String documentType) {
}
