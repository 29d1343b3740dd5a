package org.acolhida.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.acolhida.staff.Role;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The network's state as operators see it in Prometheus: open and overdue tasks per unit and role,
 * failing jobs and open incidents per process, cases opened and closed, free beds and seats against
 * the households and learners waiting, per municipality.
 * <p>
 * Every value comes from one SQL aggregate per family (a dozen statements in all), never from a
 * loop over cases, and is kept for {@code acolhida.metrics.refresh} ({@code METRICS_REFRESH}): a
 * scrape every 15 s costs at most those statements once per interval. The scrape refreshes the
 * values before Micrometer reads them ({@link ScrapeAccess}), so that a label set that appeared since
 * the last scrape (a new unit, a first incident in a process) is in this scrape, not the next.
 * <p>
 * Labels are units, roles, municipalities, processes and priorities: a few dozen values, never a
 * case number or a person.
 */
@Component
public class OperatorMetrics {

	/** The engine's own counters (ACT_RU_METER_LOG), as the engine reports them to its database. */
	private static final List<String> ENGINE_METRICS = List.of(Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
			Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_EXECUTION_REJECTED, Metrics.ROOT_PROCESS_INSTANCE_START,
			Metrics.ACTIVTY_INSTANCE_START, Metrics.EXECUTED_DECISION_ELEMENTS);

	/** The triage's priorities; anything else (a task before triage) is "none". */
	private static final Set<String> PRIORITIES = Set.of("IMMEDIATE", "HIGH", "NORMAL");

	// A task's priority is its own process's "priority" (reception, housing referral) or else the one
	// the triage gave the case: the variable of a running process of the same case number (business key).
	private static final String OPEN_TASKS = """
			SELECT l.GROUP_ID_ AS workgroup, COALESCE(p.TEXT_, cp.priority) AS priority, COUNT(DISTINCT t.ID_) AS n,
			       COUNT(DISTINCT CASE WHEN t.DUE_DATE_ < ? THEN t.ID_ END) AS overdue
			FROM ACT_RU_TASK t
			JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ LIKE '%.%'
			LEFT JOIN ACT_RU_VARIABLE p ON p.EXECUTION_ID_ = t.PROC_INST_ID_ AND p.NAME_ = 'priority'
			LEFT JOIN ACT_RU_EXECUTION pi ON pi.ID_ = t.PROC_INST_ID_
			LEFT JOIN (SELECT e.BUSINESS_KEY_ AS case_number, MAX(v.TEXT_) AS priority
			           FROM ACT_RU_EXECUTION e
			           JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = e.ID_ AND v.NAME_ = 'priority'
			           WHERE e.ID_ = e.PROC_INST_ID_ AND e.BUSINESS_KEY_ IS NOT NULL
			           GROUP BY e.BUSINESS_KEY_) cp ON cp.case_number = pi.BUSINESS_KEY_
			GROUP BY l.GROUP_ID_, COALESCE(p.TEXT_, cp.priority)
			""";

	// What the engine's metrics query sums, for all of ours in one statement.
	private static final String ENGINE_TOTALS = "SELECT NAME_ AS name, SUM(VALUE_) AS total FROM ACT_RU_METER_LOG GROUP BY NAME_";

	private static final String WORKGROUPS = "SELECT ID_ FROM ACT_ID_GROUP WHERE ID_ LIKE '%.%'";

	private static final String PROCESSES = "SELECT DISTINCT KEY_ FROM ACT_RE_PROCDEF";

	private static final String MUNICIPALITIES = "SELECT DISTINCT municipality FROM service_unit WHERE active = TRUE";

	private static final String FAILING_JOBS = """
			SELECT COALESCE(j.PROCESS_DEF_KEY_, '') AS process, COUNT(*) AS n
			FROM ACT_RU_JOB j
			WHERE j.EXCEPTION_STACK_ID_ IS NOT NULL AND j.RETRIES_ > 0
			GROUP BY j.PROCESS_DEF_KEY_
			""";

	private static final String OPEN_INCIDENTS = """
			SELECT COALESCE(d.KEY_, '') AS process, i.INCIDENT_TYPE_ AS type, COUNT(*) AS n
			FROM ACT_RU_INCIDENT i
			LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = i.PROC_DEF_ID_
			GROUP BY d.KEY_, i.INCIDENT_TYPE_
			""";

	// An erased case (retention) leaves a row in case_erasure with its unit, so that the totals never
	// go down when the daily erasure deletes closed cases.
	private static final String CASES = """
			SELECT u.municipality AS municipality, COALESCE(SUM(c.opened), 0) AS opened,
			       COALESCE(SUM(c.closed), 0) AS closed, COALESCE(SUM(c.still_open), 0) AS still_open
			FROM service_unit u
			LEFT JOIN (SELECT owning_unit, 1 AS opened, CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END AS closed,
			             CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END AS still_open
			      FROM case_file
			      UNION ALL
			      SELECT owning_unit, 1, 1, 0 FROM case_erasure WHERE owning_unit IS NOT NULL) c
			  ON c.owning_unit = u.code
			GROUP BY u.municipality
			""";

	private static final String BEDS = """
			SELECT u.municipality AS municipality, SUM(c.total - c.held - c.occupied) AS n
			FROM shelter_capacity c JOIN service_unit u ON u.id = c.service_unit
			WHERE u.active = TRUE
			GROUP BY u.municipality
			""";

	private static final String HOUSING_WAITING = """
			SELECT municipality, COUNT(*) AS n FROM waitlist_entry WHERE status = 'WAITING' GROUP BY municipality
			""";

	private static final String SEATS = """
			SELECT u.municipality AS municipality, SUM(s.seats - s.taken) AS n
			FROM class_seats s JOIN service_unit u ON u.id = s.class_unit
			WHERE u.active = TRUE
			GROUP BY u.municipality
			""";

	private static final String LEARNERS_WAITING = """
			SELECT municipality, COUNT(*) AS n FROM class_waitlist WHERE status IN ('WAITING', 'OFFERED')
			GROUP BY municipality
			""";

	private final JdbcTemplate jdbc;

	private final MeterRegistry registry;

	private final Duration refresh;

	private final Clock clock;

	private final MultiGauge openTasks;

	private final MultiGauge overdueTasks;

	private final MultiGauge failingJobs;

	private final MultiGauge openIncidents;

	private final MultiGauge openCases;

	private final MultiGauge bedsFree;

	private final MultiGauge householdsWaiting;

	private final MultiGauge seatsFree;

	private final MultiGauge learnersWaiting;

	/** Totals behind the counters, by meter name and municipality (or engine metric). */
	private final Map<String, Map<String, Double>> totals = new ConcurrentHashMap<>();

	private volatile Instant refreshedAt = Instant.MIN;

	OperatorMetrics(JdbcTemplate jdbc, MeterRegistry registry,
			@Value("${acolhida.metrics.refresh:PT10S}") Duration refresh) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.refresh = refresh;
		// The interval is real time, not the engine's clock (which a test may move a year ahead).
		this.clock = Clock.systemUTC();
		this.openTasks = gauge("acolhida.tasks.open", "Open tasks offered to a unit's workgroup of a role, by the case's priority");
		this.overdueTasks = gauge("acolhida.tasks.overdue", "Open tasks whose due date has passed, by unit and role");
		this.failingJobs = gauge("acolhida.jobs.failing", "Jobs whose last run failed and that will be tried again, by process");
		this.openIncidents = gauge("acolhida.incidents.open", "Open incidents (jobs out of retries and other faults), by process and type");
		this.openCases = gauge("acolhida.cases.open", "Case files open, by the municipality of the unit that owns them");
		this.bedsFree = gauge("acolhida.beds.free", "Shelter beds neither held nor occupied, by municipality");
		this.householdsWaiting = gauge("acolhida.housing.waiting", "Households waiting for a bed, by municipality");
		this.seatsFree = gauge("acolhida.class.seats.free", "Free seats in literacy classes, by municipality");
		this.learnersWaiting = gauge("acolhida.learners.waiting", "Learners waiting for a class seat (offered or not), by municipality");
	}

	private MultiGauge gauge(String name, String description) {
		return MultiGauge.builder(name).description(description).register(registry);
	}

	/** Brings every value up to date unless it was done within the refresh interval. */
	public void refreshIfStale() {
		Instant now = clock.instant();
		if (refreshedAt.plus(refresh).isAfter(now)) {
			return;
		}
		synchronized (this) {
			if (refreshedAt.plus(refresh).isAfter(clock.instant())) {
				return;
			}
			refreshNow();
			refreshedAt = clock.instant();
		}
	}

	/** Lets the next scrape read the database again, whatever the interval: for tests that cannot wait. */
	void forget() {
		refreshedAt = Instant.MIN;
	}

	void refreshNow() {
		refreshTasks();
		List<String> processes = jdbc.queryForList(PROCESSES, String.class);
		openCount(failingJobs, FAILING_JOBS, "process", processes);
		refreshIncidents(processes);
		refreshCases();
		List<String> municipalities = jdbc.queryForList(MUNICIPALITIES, String.class);
		byMunicipality(bedsFree, BEDS, municipalities);
		byMunicipality(householdsWaiting, HOUSING_WAITING, municipalities);
		byMunicipality(seatsFree, SEATS, municipalities);
		byMunicipality(learnersWaiting, LEARNERS_WAITING, municipalities);
		Map<String, Double> engine = new HashMap<>();
		jdbc.query(ENGINE_TOTALS, rs -> {
			engine.put(rs.getString("name"), rs.getDouble("total"));
		});
		for (String name : ENGINE_METRICS) {
			total("acolhida.engine.metric", "The engine's own metrics as it reported them to its database (every 15 minutes by default)",
					"metric", name, engine.getOrDefault(name, 0.0));
		}
	}

	private void refreshTasks() {
		Map<Tags, Double> open = new ConcurrentHashMap<>();
		Map<Tags, Double> overdue = new ConcurrentHashMap<>();
		// Workgroups with staff show 0 rather than nothing, so that a dashboard tells "no work" from "no data".
		for (String workgroup : jdbc.queryForList(WORKGROUPS, String.class)) {
			count(open, overdue, workgroup, null, 0, 0);
		}
		Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
		jdbc.query(OPEN_TASKS, rs -> {
			count(open, overdue, rs.getString("workgroup"), rs.getString("priority"), rs.getDouble("n"),
					rs.getDouble("overdue"));
		}, now);
		openTasks.register(rows(open), true);
		overdueTasks.register(rows(overdue), true);
	}

	private static void count(Map<Tags, Double> open, Map<Tags, Double> overdue, String workgroup, String priority,
			double tasks, double late) {
		int dot = workgroup.indexOf('.');
		String role = workgroup.substring(0, dot);
		if (!isRole(role)) {
			return;
		}
		String unit = workgroup.substring(dot + 1);
		if (priority == null) {
			for (String each : PRIORITIES) {
				open.merge(Tags.of("unit", unit, "role", role, "priority", each.toLowerCase(Locale.ROOT)), 0.0, Double::sum);
			}
		}
		String label = priority != null && PRIORITIES.contains(priority) ? priority.toLowerCase(Locale.ROOT) : "none";
		open.merge(Tags.of("unit", unit, "role", role, "priority", label), tasks, Double::sum);
		overdue.merge(Tags.of("unit", unit, "role", role), late, Double::sum);
	}

	private static boolean isRole(String groupId) {
		try {
			return Role.ofGroupId(groupId).isUnitRole();
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private void refreshIncidents(List<String> processes) {
		Map<Tags, Double> incidents = new ConcurrentHashMap<>();
		for (String process : processes) {
			incidents.put(Tags.of("process", process, "type", "failedJob"), 0.0);
		}
		jdbc.query(OPEN_INCIDENTS, rs -> {
			incidents.put(Tags.of("process", rs.getString("process"), "type", rs.getString("type")), rs.getDouble("n"));
		});
		openIncidents.register(rows(incidents), true);
	}

	private void refreshCases() {
		Map<Tags, Double> open = new ConcurrentHashMap<>();
		jdbc.query(CASES, rs -> {
			String municipality = rs.getString("municipality");
			open.put(Tags.of("municipality", municipality), rs.getDouble("still_open"));
			total("acolhida.cases.opened", "Case files ever opened, by the municipality of the unit that owns them",
					"municipality", municipality, rs.getDouble("opened"));
			total("acolhida.cases.closed", "Case files ever closed, by the municipality of the unit that owns them",
					"municipality", municipality, rs.getDouble("closed"));
		});
		openCases.register(rows(open), true);
	}

	private void openCount(MultiGauge gauge, String sql, String label, List<String> zeros) {
		Map<Tags, Double> counts = new ConcurrentHashMap<>();
		for (String value : zeros) {
			counts.put(Tags.of(label, value), 0.0);
		}
		jdbc.query(sql, rs -> {
			counts.put(Tags.of(label, rs.getString(label)), rs.getDouble("n"));
		});
		gauge.register(rows(counts), true);
	}

	private void byMunicipality(MultiGauge gauge, String sql, List<String> municipalities) {
		openCount(gauge, sql, "municipality", municipalities);
	}

	/**
	 * A counter that shows a total the database keeps; registered the first time its label appears.
	 * A total never goes down, except when a transfer moves a case to another municipality's unit.
	 */
	private void total(String name, String description, String label, String value, double total) {
		Map<String, Double> values = totals.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
		if (values.put(value, total) == null) {
			FunctionCounter.builder(name, values, v -> v.getOrDefault(value, 0.0))
				.description(description)
				.tag(label, value)
				.register(registry);
		}
	}

	private static List<MultiGauge.Row<?>> rows(Map<Tags, Double> values) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		values.forEach((tags, value) -> rows.add(MultiGauge.Row.of(tags, value)));
		return rows;
	}

}
