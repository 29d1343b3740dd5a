package org.acolhida.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A plain Camunda engine for comparison: its own database ({@value #DATABASE}) in the same
 * PostgreSQL server, the engine settings of application.yaml that change what the engine writes or
 * checks (FULL history, no CMMN, no standalone tasks, authorization on with Acolhida's users, groups
 * and grants copied over, TASK_WORK for candidate groups, UUID ids, JSON serialization, removal time
 * at the end of the root instance), the same BPMN, DMN and form files from the classpath, and every
 * bean our diagrams call replaced by {@link Replay} and its stubs.
 */
final class BareEngine implements AutoCloseable {

	static final String DATABASE = "bare_engine";

	final ProcessEngine engine;

	final String url;

	private final HikariDataSource pool;

	private BareEngine(ProcessEngine engine, HikariDataSource pool, String url) {
		this.engine = engine;
		this.pool = pool;
		this.url = url;
	}

	/**
	 * Creates the database afresh, builds the engine on it, deploys the diagrams and copies the
	 * identities and grants of our engine's database (at {@code oursUrl}).
	 */
	static BareEngine start(String oursUrl, String user, String password, Replay replay, StatementCounter counter) {
		String url = createDatabase(oursUrl, user, password, DATABASE);
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(user);
		pool.setPassword(password);
		pool.setMaximumPoolSize(4);
		pool.setPoolName("bare-engine");

		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bare");
		configuration.setDataSource(counter.wrap(pool, "bare"));
		configuration.setDatabaseSchemaUpdate("true");
		configuration.setHistory("full");
		configuration.setCmmnEnabled(false);
		configuration.setStandaloneTasksEnabled(false);
		configuration.setAuthorizationEnabled(true);
		configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setJobExecutorActivate(false);
		configuration.setDefaultSerializationFormat("application/json");
		configuration.setJavaSerializationFormatEnabled(false);
		configuration.setEnforceHistoryTimeToLive(true);
		configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9_.-]+|camunda-admin");
		configuration.setQueryMaxResultsLimit(2000);
		configuration.setHistoryRemovalTimeStrategy("end");
		configuration.setHistoryCleanupStrategy("removalTimeBased");
		configuration.setHistoryCleanupBatchWindowStartTime("22:00");
		configuration.setHistoryCleanupBatchWindowEndTime("06:00");
		configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
		configuration.setBeans(beans(replay));
		ProcessEngine engine = configuration.buildProcessEngine();

		copyIdentities(oursUrl, url, user, password);
		deploy(engine);
		return new BareEngine(engine, pool, url);
	}

	/**
	 * Creates (or empties, by dropping it first) a database in the server of {@code serverUrl}; returns
	 * its JDBC URL.
	 */
	static String createDatabase(String serverUrl, String user, String password, String name) {
		try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot create the database " + name, e);
		}
		return serverUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)([^?]*)", "$1" + name);
	}

	/** Every name our diagrams call: delegates and listeners → the replay, the rest → stubs. */
	static Map<Object, Object> beans(Replay replay) {
		Map<Object, Object> beans = new HashMap<>();
		for (String delegate : List.of("loadDocumentationCaseDelegate", "saveDocumentChoiceDelegate",
				"openDocumentTrailDelegate", "findIssuingOfficeDelegate", "planAppointmentDelegate",
				"recordIssuedDocumentDelegate", "findLegalAidDelegate", "countMissedAppointmentDelegate",
				"documentationAnswers", "findSheltersDelegate", "holdBedsDelegate", "expireHoldDelegate",
				"recordDeclineDelegate", "confirmPlacementDelegate", "startStayDelegate", "addToHousingWaitlistDelegate",
				"withdrawFromWaitlistDelegate", "releaseCancelledHoldListener", "withdrawCancelledWaitListener",
				"freeBedsDelegate", "prepareLearnerDelegate", "findClassDelegate", "takeSeatDelegate",
				"addToClassWaitlistDelegate", "startFollowUpDelegate", "findSchoolDelegate", "recordClassNoShowDelegate",
				"withdrawDelegate", "recheckWaitlistDelegate", "declineOfferDelegate", "checkDuplicatesDelegate",
				"closeCaseDelegate", "findReferralUnitDelegate", "linkCaseDelegate", "openCaseDelegate",
				"reopenListeningDelegate", "saveHouseholdDelegate", "recordListeningDelegate", "checklistWordsListener")) {
			beans.put(delegate, replay);
		}
		beans.put("receptionSettings", new Replay.Settings("P30D"));
		beans.put("documentationSettings", new Replay.Settings("P14D"));
		beans.put("literacySettings", new Replay.Settings(null));
		beans.put("housingReferralSettings", new Replay.Settings(null));
		beans.put("literacyLearners", new Replay.Collection(replay.collection("learnerRef")));
		beans.put("documentTrails", new Replay.Collection(replay.collection("documentRequest")));
		beans.put("genericReferrals", new Replay.Collection(replay.collection("referralKind")));
		beans.put("unitCountry", new UnitCountry());
		return beans;
	}

	/** The listening's form asks Brazil's questions by the unit's country; the replayed answers decide the rest. */
	public static final class UnitCountry {

		public String of(Object scope) {
			return "BR";
		}

	}

	/** The processes, decisions and forms that our engine deploys, from the classpath root. */
	static void deploy(ProcessEngine engine) {
		DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare")
			.enableDuplicateFiltering(true);
		try {
			for (String pattern : List.of("classpath*:*.bpmn", "classpath*:*.dmn", "classpath*:*.form")) {
				for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
					try (InputStream in = resource.getInputStream()) {
						deployment.addString(resource.getFilename(), new String(in.readAllBytes(),
								java.nio.charset.StandardCharsets.UTF_8));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		deployment.deploy();
	}

	/**
	 * Users, groups, memberships and grants as our engine holds them, row for row; grants on single
	 * tasks and instances of ours are left out (they name objects the bare engine does not have).
	 */
	static void copyIdentities(String fromUrl, String toUrl, String user, String password) {
		try (Connection from = DriverManager.getConnection(fromUrl, user, password);
				Connection to = DriverManager.getConnection(toUrl, user, password)) {
			to.createStatement().execute("DELETE FROM act_ru_authorization");
			to.createStatement().execute("DELETE FROM act_id_membership");
			to.createStatement().execute("DELETE FROM act_id_user");
			to.createStatement().execute("DELETE FROM act_id_group");
			copy(from, to, "act_id_user", "");
			copy(from, to, "act_id_group", "");
			copy(from, to, "act_id_membership", "");
			// Task 7, ProcessInstance 8, HistoricTask 19, HistoricProcessInstance 20
			copy(from, to, "act_ru_authorization", " WHERE resource_type_ NOT IN (7, 8, 19, 20) OR resource_id_ = '*'");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot copy the identities to the bare engine", e);
		}
	}

	private static void copy(Connection from, Connection to, String table, String where) throws SQLException {
		try (ResultSet rows = from.createStatement().executeQuery("SELECT * FROM " + table + where)) {
			int columns = rows.getMetaData().getColumnCount();
			StringBuilder names = new StringBuilder();
			StringBuilder marks = new StringBuilder();
			for (int i = 1; i <= columns; i++) {
				names.append(i > 1 ? ", " : "").append(rows.getMetaData().getColumnName(i));
				marks.append(i > 1 ? ", " : "").append('?');
			}
			try (PreparedStatement insert = to.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES ("
					+ marks + ")")) {
				while (rows.next()) {
					for (int i = 1; i <= columns; i++) {
						insert.setObject(i, rows.getObject(i));
					}
					insert.addBatch();
				}
				insert.executeBatch();
			}
		}
	}

	@Override
	public void close() {
		engine.close();
		pool.close();
	}

}
