package org.acolhida.retention;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import java.time.Clock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.acolhida.errors.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything we hold on a household, for a manager answering a person's request for their data:
 * every row of the case in our tables ({@link CaseTables}) and the process instances of the case in
 * the engine's history with their variables. Each export is recorded in {@code case_export} (who,
 * when, which case) in the same transaction; an export that fails leaves no record.
 */
@Service
class CaseExport {

	/** One process instance of the case and the variables it held. */
	record ProcessHistory(String id, String processDefinitionKey, Integer version, String state, Date startTime,
			Date endTime, String startUserId, List<VariableHistory> variables) {
	}

	/** A variable's last value; JSON objects as their JSON text, files by name only. */
	record VariableHistory(String name, String type, Object value, String activityInstanceId, Date createTime) {
	}

	/** The export: the case's tables, row by row, and its processes. */
	record Export(String caseNumber, Instant exportedAt, String exportedBy,
			Map<String, List<Map<String, Object>>> tables, List<ProcessHistory> processes) {
	}

	/** One recorded export, for auditors. */
	record ExportRecord(String caseNumber, String caseRef, String exportedBy, Instant exportedAt) {
	}

	private final JdbcClient db;

	private final HistoryService history;

	private final IdentityService identity;

	private final Clock clock;

	CaseExport(JdbcClient db, HistoryService history, IdentityService identity, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.history = history;
		this.identity = identity;
	}

	@Transactional
	Export export(String caseNumber, String exportedBy) {
		Integer found = db.sql("SELECT COUNT(*) FROM case_file WHERE case_number = ?").param(caseNumber)
			.query(Integer.class).single();
		if (found == 0) {
			throw new NotFoundException("No case with number '" + caseNumber + "'");
		}
		Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
		for (CaseTables.CaseTable table : reversed(CaseTables.ALL)) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Map<String, Object> row : db.sql(table.select()).param(caseNumber).query().listOfRows()) {
				Map<String, Object> named = new TreeMap<>();
				row.forEach((column, value) -> named.put(column.toLowerCase(Locale.ROOT), value));
				rows.add(named);
			}
			tables.put(table.name(), rows);
		}
		Instant now = clock.instant();
		List<ProcessHistory> processes = processes(caseNumber);
		db.sql("INSERT INTO case_export (case_number, case_ref, exported_by, exported_at) VALUES (?, ?, ?, ?)")
			.params(caseNumber, CaseRef.of(caseNumber), exportedBy, now.atOffset(ZoneOffset.UTC))
			.update();
		return new Export(caseNumber, now, exportedBy, tables, processes);
	}

	@Transactional(readOnly = true)
	List<ExportRecord> exports(int first, int max) {
		return db.sql("SELECT case_number, case_ref, exported_by, exported_at FROM case_export "
				+ "ORDER BY exported_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(max, first)
			.query((rs, i) -> new ExportRecord(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * Read as the application, not as the manager: the manager's right to the export is checked by the
	 * controller, and the engine's history grants belong to auditors.
	 */
	private List<ProcessHistory> processes(String caseNumber) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			List<ProcessHistory> processes = new ArrayList<>();
			for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().list()) {
				List<VariableHistory> variables = history.createHistoricVariableInstanceQuery()
					.processInstanceId(instance.getId()).disableCustomObjectDeserialization().orderByVariableName()
					.asc().list().stream().map(CaseExport::variable).toList();
				processes.add(new ProcessHistory(instance.getId(), instance.getProcessDefinitionKey(),
						instance.getProcessDefinitionVersion(), instance.getState(), instance.getStartTime(),
						instance.getEndTime(), instance.getStartUserId(), variables));
			}
			return processes;
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

	/** The case file first, the features' tables after it. */
	private static List<CaseTables.CaseTable> reversed(List<CaseTables.CaseTable> tables) {
		List<CaseTables.CaseTable> copy = new ArrayList<>(tables);
		java.util.Collections.reverse(copy);
		return copy;
	}

	private static VariableHistory variable(HistoricVariableInstance variable) {
		TypedValue typed = variable.getTypedValue();
		Object value;
		if (typed instanceof FileValue file) {
			value = file.getFilename();
		}
		else if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
			value = serializable.getValueSerialized();
		}
		else {
			value = typed == null ? null : typed.getValue();
		}
		return new VariableHistory(variable.getName(), variable.getTypeName(), value, variable.getActivityInstanceId(),
				variable.getCreateTime());
	}

}
