package org.acolhida.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import java.time.Clock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the cases whose retention period ({@code acolhida.retention.after-closing}) has run out since
 * they were closed: every row of the household in our tables ({@link CaseTables}) and the engine's
 * history of the case's process instances (with their variables, details, tasks, decisions, job
 * logs and operation log entries), in one transaction per case. What stays is one
 * {@code case_erasure} row without personal data: the case number's hash, the unit, the household's
 * size, when it closed and was erased, how many rows went.
 * <p>
 * A case is left alone while it is open, while any process instance of it runs (a renewal reminder
 * years ahead keeps it), and while it still holds a bed, a class seat or a waitlist place. The case
 * row is locked while it is checked and erased, so that a reopening at the same moment waits for
 * the erasure or prevents it.
 */
@Service
public class CaseErasure {

	private static final Logger log = LoggerFactory.getLogger(CaseErasure.class);

	/** What one erasure removed. */
	public record Erasure(String caseRef, int caseRows, int processInstances) {
	}

	private record ClosedCase(String owningUnit, String status, Instant closedAt) {
	}

	private final JdbcClient db;

	private final HistoryService history;

	private final RuntimeService runtime;

	private final TransactionTemplate transactions;

	private final RetentionProperties properties;

	private final Clock clock;

	CaseErasure(JdbcClient db, HistoryService history, RuntimeService runtime, TransactionTemplate transactions,
			RetentionProperties properties, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.history = history;
		this.runtime = runtime;
		this.transactions = transactions;
		this.properties = properties;
	}

	/** Erases every case closed longer than the retention period before the engine's current time. */
	public List<Erasure> eraseExpired() {
		Instant cutoff = now().minus(properties.afterClosing());
		List<String> expired = db.sql("SELECT case_number FROM case_file WHERE status = 'CLOSED' AND closed_at < ? "
				+ "ORDER BY closed_at").param(utc(cutoff)).query(String.class).list();
		List<Erasure> erased = new ArrayList<>();
		for (String caseNumber : expired) {
			try {
				transactions.execute(tx -> eraseIfExpired(caseNumber, cutoff)).ifPresent(erased::add);
			}
			catch (RuntimeException ex) {
				// One case that cannot be erased now (rolled back whole) must not keep the others.
				log.error("Retention: erasure of case {} failed; tried again at the next run", CaseRef.of(caseNumber), ex);
			}
		}
		if (!expired.isEmpty()) {
			log.info("Retention: {} of {} cases closed before {} erased", erased.size(), expired.size(), cutoff);
		}
		return erased;
	}

	private Optional<Erasure> eraseIfExpired(String caseNumber, Instant cutoff) {
		Optional<ClosedCase> locked = db
			.sql("SELECT owning_unit, status, closed_at FROM case_file WHERE case_number = ? FOR UPDATE")
			.param(caseNumber)
			.query((rs, i) -> new ClosedCase(rs.getString(1), rs.getString(2),
					Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant).orElse(null)))
			.optional();
		if (locked.isEmpty() || !"CLOSED".equals(locked.get().status()) || locked.get().closedAt() == null
				|| !locked.get().closedAt().isBefore(cutoff)) {
			return Optional.empty();
		}
		if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count() > 0) {
			log.info("Retention: a closed case still has running processes; kept until they end");
			return Optional.empty();
		}
		Integer live = db.sql(CaseTables.LIVE_ROWS).param("case", caseNumber).query(Integer.class).single();
		if (live > 0) {
			log.warn("Retention: a closed case still holds a bed, a seat or a waitlist place; kept");
			return Optional.empty();
		}
		int members = db.sql("SELECT COUNT(*) FROM case_member WHERE " + CaseTables.CASE_FILE_ID)
			.param(caseNumber).query(Integer.class).single();
		List<String> instances = finishedInstances(caseNumber);
		eraseHistory(instances);
		int rows = 0;
		for (CaseTables.CaseTable table : CaseTables.ALL) {
			rows += db.sql(table.delete()).param(caseNumber).update();
		}
		String caseRef = CaseRef.of(caseNumber);
		// The export log keeps who exported a case and when, no longer which case by its number.
		db.sql("UPDATE case_export SET case_number = NULL WHERE case_number = ?").param(caseNumber).update();
		db.sql("INSERT INTO case_erasure (case_ref, owning_unit, members, closed_at, erased_at, case_rows, "
				+ "process_instances) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(caseRef, locked.get().owningUnit(), members, utc(locked.get().closedAt()), utc(now()), rows,
					instances.size())
			.update();
		return Optional.of(new Erasure(caseRef, rows, instances.size()));
	}

	/**
	 * The case's ended process instances: those with its number as business key, and any instance they
	 * called (called processes get the business key passed on, but a protocol need not do so).
	 */
	private List<String> finishedInstances(String caseNumber) {
		Set<String> found = new LinkedHashSet<>();
		List<String> next = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
			.stream().map(HistoricProcessInstance::getId).toList();
		while (!next.isEmpty()) {
			List<String> called = new ArrayList<>();
			for (String id : next) {
				if (found.add(id)) {
					history.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list()
						.forEach(sub -> called.add(sub.getId()));
				}
			}
			next = called;
		}
		return List.copyOf(found);
	}

	private void eraseHistory(List<String> instances) {
		if (instances.isEmpty()) {
			return;
		}
		// Decisions evaluated in the case's processes, with their inputs and outputs.
		List<String> decisions = new ArrayList<>();
		for (String id : instances) {
			history.createHistoricDecisionInstanceQuery().processInstanceId(id).list().stream()
				.map(HistoricDecisionInstance::getId).forEach(decisions::add);
		}
		if (!decisions.isEmpty()) {
			history.deleteHistoricDecisionInstancesBulk(decisions);
		}
		// Activities, tasks, variables and their details, incidents, job logs, comments, attachments
		// and operation log entries go with the instances.
		history.deleteHistoricProcessInstancesIfExists(instances);
	}

	private Instant now() {
		return clock.instant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
