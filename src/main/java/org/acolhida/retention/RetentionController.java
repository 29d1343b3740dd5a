package org.acolhida.retention;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.identity.CurrentUser;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.InvalidInputException;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's data on request (managers), and the records of exports and erasures (auditors and
 * managers).
 */
@RestController
@Tag(name = "Retention", description = "Export of a household's data; the records of exports and erasures")
class RetentionController {

	static final String AUDITORS = "auditors";

	private final CaseExport export;

	private final CurrentUser currentUser;

	private final JdbcClient db;

	RetentionController(CaseExport export, CurrentUser currentUser, JdbcClient db) {
		this.export = export;
		this.currentUser = currentUser;
		this.db = db;
	}

	/** One erased case, as recorded: no personal data. */
	record ErasureRecord(String caseRef, String owningUnit, int members, Instant closedAt, Instant erasedAt,
			int caseRows, int processInstances) {
	}

	@GetMapping("/api/cases/{caseNumber}/export")
	@Operation(summary = "Everything held on a household, as JSON (managers; the export is recorded)")
	CaseExport.Export export(@PathVariable String caseNumber) {
		currentUser.requireManager();
		return export.export(caseNumber, currentUser.userId());
	}

	@GetMapping("/api/retention/exports")
	@Operation(summary = "Who exported which case's data, and when, newest first (auditors, managers)")
	List<CaseExport.ExportRecord> exports(@RequestParam(defaultValue = "0") int first,
			@RequestParam(defaultValue = "100") int max) {
		requireAuditor();
		checkPage(first, max);
		return export.exports(first, max);
	}

	@GetMapping("/api/retention/erasures")
	@Operation(summary = "Cases erased after their retention period, newest first (auditors, managers)")
	@Transactional(readOnly = true)
	List<ErasureRecord> erasures(@RequestParam(defaultValue = "0") int first,
			@RequestParam(defaultValue = "100") int max) {
		requireAuditor();
		checkPage(first, max);
		return db.sql("SELECT case_ref, owning_unit, members, closed_at, erased_at, case_rows, process_instances "
				+ "FROM case_erasure ORDER BY erased_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(max, first)
			.query((rs, i) -> new ErasureRecord(rs.getString(1), rs.getString(2), rs.getInt(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7)))
			.list();
	}

	private void requireAuditor() {
		if (!currentUser.isMember(AUDITORS) && !currentUser.isMember(CurrentUser.MANAGERS)
				&& !currentUser.isMember(Groups.CAMUNDA_ADMIN)) {
			throw new ForbiddenException("Only auditors and managers may read the retention records");
		}
	}

	private static void checkPage(int first, int max) {
		if (first < 0) {
			throw new InvalidInputException("first", "must be 0 or more");
		}
		if (max < 1 || max > 500) {
			throw new InvalidInputException("max", "must be between 1 and 500");
		}
	}

}
