package org.acolhida.retention;

import java.util.List;

/**
 * Every table of ours that holds a household's data, with how to find a case's rows in it: the one
 * list that both the export and the erasure read, so that neither forgets a table. In the order the
 * erasure deletes them (rows that refer to others first). A new feature table keyed by case number
 * belongs here.
 */
final class CaseTables {

	/** A table and the condition (with one parameter, the case number) that selects a case's rows. */
	record CaseTable(String name, String where) {

		String select() {
			return "SELECT * FROM " + name + " WHERE " + where;
		}

		String delete() {
			return "DELETE FROM " + name + " WHERE " + where;
		}

	}

	static final String CASE_FILE_ID = "case_file = (SELECT id FROM case_file WHERE case_number = ?)";

	static final List<CaseTable> ALL = List.of(
			// housing (V3)
			new CaseTable("placement", "case_number = ?"),
			new CaseTable("shelter_decline", "case_number = ?"),
			new CaseTable("bed_hold", "case_number = ?"),
			new CaseTable("waitlist_entry", "case_number = ?"),
			// literacy (V4)
			new CaseTable("class_waitlist_availability",
					"class_waitlist IN (SELECT id FROM class_waitlist WHERE case_number = ?)"),
			new CaseTable("class_waitlist", "case_number = ?"),
			new CaseTable("class_enrollment", "case_number = ?"),
			// documentation (V5)
			new CaseTable("issued_document", "case_number = ?"),
			// the case file (V2) and its listenings (V7)
			new CaseTable("case_listening", CASE_FILE_ID),
			new CaseTable("member_document", CASE_FILE_ID),
			new CaseTable("case_member", CASE_FILE_ID),
			new CaseTable("case_transfer", CASE_FILE_ID),
			new CaseTable("case_file", "case_number = ?"));

	/**
	 * Rows that still bind a shelter bed or a class seat: a case that has any is still being served,
	 * whatever its status says, and erasing them would leave the capacity counts wrong.
	 */
	static final String LIVE_ROWS = """
			SELECT (SELECT COUNT(*) FROM bed_hold WHERE case_number = :case AND status = 'HELD')
			     + (SELECT COUNT(*) FROM placement WHERE case_number = :case AND ended_at IS NULL)
			     + (SELECT COUNT(*) FROM waitlist_entry WHERE case_number = :case AND status = 'WAITING')
			     + (SELECT COUNT(*) FROM class_enrollment WHERE case_number = :case AND status = 'ENROLLED')
			     + (SELECT COUNT(*) FROM class_waitlist WHERE case_number = :case AND status IN ('WAITING', 'OFFERED'))
			""";

	private CaseTables() {
	}

}
