package org.acolhida.directory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.acolhida.support.TestDatabase;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with the profile {@code ldap}, against a real LDAP server on 127.0.0.1 (UnboundID's
 * in-memory directory, seeded from {@code directory/staff.ldif}), configured as an operator would: the
 * directory's groups are {@code ACOLHIDA_<our group>}, its administrators' group is {@code TI-Acolhida-Admins}.
 * Staff sign in to Tasklist with their directory password and find their unit's cases in their desk's list,
 * not another unit's; someone taken out of the workgroup in the directory loses the desk's tasks in the
 * session they have open; a wrong password is refused; the directory's administrators administer.
 * In a JVM of its own (pom, execution own-jvm): its engine uses another user store than the shared tests'.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "demo", "ldap" })
@ContextConfiguration(initializers = DirectorySignInIT.OwnDatabase.class)
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class DirectorySignInIT {

	static final String BASE = "dc=acolhida,dc=test";

	static final String READER = "cn=acolhida-reader,ou=services," + BASE;

	static final String READER_PASSWORD = "reader-secret";

	/** How long a session keeps the groups it read (LDAP_RECHECK_MILLIS), short here. */
	static final Duration RECHECK = Duration.ofSeconds(1);

	static final ResourceBundle PT = ResourceBundle.getBundle("i18n/tasklists", Locale.forLanguageTag("pt-BR"));

	static final InMemoryDirectoryServer directory = startDirectory();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	static InMemoryDirectoryServer startDirectory() {
		try {
			InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
			config.addAdditionalBindCredentials(READER, READER_PASSWORD);
			config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
					java.net.InetAddress.getLoopbackAddress(), 0, null));
			InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
			server.importFromLDIF(true, new ClassPathResource("directory/staff.ldif").getFile());
			server.startListening();
			return server;
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not start the test's LDAP server", e);
		}
	}

	/**
	 * A database of its own on the tests' PostgreSQL server: in the JVM of the own-jvm execution another
	 * test's application may still run on the shared one, with the engine's own user store, and keep its task
	 * lists for the demo's local workgroups there.
	 */
	static final class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		static final String NAME = "directory_sign_in";

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String shared = TestDatabase.url();
			try (Connection connection = DriverManager.getConnection(shared, TestDatabase.user(), TestDatabase.password());
					Statement sql = connection.createStatement()) {
				sql.execute("DROP DATABASE IF EXISTS " + NAME);
				sql.execute("CREATE DATABASE " + NAME);
			}
			catch (SQLException e) {
				throw new IllegalStateException("Could not create the database " + NAME, e);
			}
			TestPropertyValues.of("spring.datasource.url=" + shared.replaceFirst("(//[^/]+/)[^?]*", "$1" + NAME),
					"spring.datasource.username=" + TestDatabase.user(), "spring.datasource.password=" + TestDatabase.password())
				.applyTo(context);
		}

	}

	@DynamicPropertySource
	static void directorySettings(DynamicPropertyRegistry settings) {
		// The settings of application-ldap.yaml, through the environment variables an operator sets.
		settings.add("LDAP_URL", () -> "ldap://127.0.0.1:" + directory.getListenPort());
		settings.add("LDAP_BIND_DN", () -> READER);
		settings.add("LDAP_BIND_PASSWORD", () -> READER_PASSWORD);
		settings.add("LDAP_BASE_DN", () -> BASE);
		settings.add("LDAP_GROUP_FILTER", () -> "(&(objectClass=groupOfNames)(|(cn=ACOLHIDA_*)(cn=TI-Acolhida-Admins)))");
		settings.add("LDAP_GROUP_PREFIX", () -> "ACOLHIDA_");
		settings.add("LDAP_ADMIN_GROUP", () -> "TI-Acolhida-Admins");
		settings.add("LDAP_RECHECK_MILLIS", () -> String.valueOf(RECHECK.toMillis()));
		settings.add("acolhida.sign-in.client-free-attempts", () -> "100000");
	}

	@AfterAll
	static void stopDirectory() {
		directory.shutDown(true);
	}

	// --- Tasklist, as the browser talks to it ---

	/** A Tasklist session: its cookie and CSRF token. */
	record Session(HttpHeaders headers) {
	}

	ResponseEntity<String> signIn(HttpHeaders headers, String user, String password) {
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		return rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
				new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
	}

	HttpHeaders tasklistPage() {
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, cookies(page));
		headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
		return headers;
	}

	Session signedIn(String user, String password) {
		HttpHeaders headers = tasklistPage();
		ResponseEntity<String> login = signIn(headers, user, password);
		assertThat(login.getStatusCode()).as("%s signs in: %s", user, login.getBody()).isEqualTo(HttpStatus.OK);
		headers.set(HttpHeaders.COOKIE, cookies(login));
		ResponseEntity<String> session = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		headers.set("X-XSRF-TOKEN", session.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new Session(headers);
	}

	ResponseEntity<JsonNode> inTasklist(Session session, HttpMethod method, String path, Object body) {
		return rest.exchange("/camunda/api/engine/engine/default" + path, method, new HttpEntity<>(body, session.headers()),
				JsonNode.class);
	}

	/** The lists Tasklist shows the user, by name. */
	Map<String, String> lists(Session session) {
		ResponseEntity<JsonNode> answer = inTasklist(session, HttpMethod.GET, "/filter?resourceType=Task", null);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, String> byName = new LinkedHashMap<>();
		answer.getBody().forEach(filter -> byName.put(filter.get("name").asText(), filter.get("id").asText()));
		return byName;
	}

	/** The process instances of the tasks a list shows, as Tasklist asks for them. */
	List<String> casesIn(Session session, String filterId) {
		ResponseEntity<JsonNode> answer = inTasklist(session, HttpMethod.POST,
				"/filter/" + filterId + "/list?firstResult=0&maxResults=50", Map.of());
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
		return answer.getBody().findValuesAsText("processInstanceId");
	}

	static String cookies(ResponseEntity<?> answer) {
		return String.join("; ", answer.getHeaders()
			.getOrEmpty(HttpHeaders.SET_COOKIE)
			.stream()
			.map(cookie -> cookie.split(";")[0])
			.toList());
	}

	// --- the REST API, with the directory password ---

	ResponseEntity<JsonNode> call(String user, String password, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** A GET that must succeed, its answer. */
	JsonNode read(String user, String password, String path) {
		ResponseEntity<JsonNode> answer = call(user, password, HttpMethod.GET, path, null);
		assertThat(answer.getStatusCode()).as("GET %s as %s: %s", path, user, answer.getBody()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

	/** A reception started from the start form by a worker, at the worker's unit: the process instance id. */
	String receptionBy(String user, String password, String givenName) {
		Map<String, Object> form = new LinkedHashMap<>();
		Object[] fields = { "givenName", givenName, "familyName", "Diretório", "birthDate", "1991-04-12", "nationality",
				"Venezuela", "languages", "es", "district", "Éden", "interpreterNeeded", false, "documentType", "PASSPORT",
				"documentNumber", "VE-" + givenName.hashCode() };
		for (int i = 0; i < fields.length; i += 2) {
			form.put((String) fields[i], Map.of("value", fields[i + 1]));
		}
		ResponseEntity<JsonNode> started = call(user, password, HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", Map.of("variables", form));
		assertThat(started.getStatusCode()).as("%s starts a reception: %s", user, started.getBody()).isEqualTo(HttpStatus.OK);
		return started.getBody().get("id").asText();
	}

	@Test
	void shouldShowADirectoryUserTheirUnitsCasesUntilTheDirectoryTakesThemOutOfTheWorkgroup() throws Exception {
		String sorocaba = receptionBy("ana", "ana-secret-1", "Marisol");
		String cremona = receptionBy("giulia", "giulia-secret-4", "Yenifer");

		Session rita = signedIn("rita", "rita-secret-2");
		String desk = PT.getString("role.reception") + " · CRAS Norte";
		Map<String, String> ritasLists = lists(rita);
		assertThat(ritasLists).containsKeys(desk, PT.getString("assigned.name"), PT.getString("urgent.name"));
		assertThat(ritasLists.keySet()).as("no Italian desk's list").noneMatch(name -> name.contains("Caritas"));
		assertThat(casesIn(rita, ritasLists.get(desk))).contains(sorocaba).doesNotContain(cremona);

		Session giulia = signedIn("giulia", "giulia-secret-4");
		Map<String, String> giuliasLists = lists(giulia);
		assertThat(giuliasLists).doesNotContainKey(desk);
		List<String> giuliasCases = new ArrayList<>();
		giuliasLists.values().forEach(list -> giuliasCases.addAll(casesIn(giulia, list)));
		assertThat(giuliasCases).contains(cremona).doesNotContain(sorocaba);

		// The reception's first task goes to the worker who started it; back to the desk with it, for a colleague.
		String household = tasks.createTaskQuery().processInstanceId(sorocaba).singleResult().getId();
		tasks.setAssignee(household, null);
		assertThat(inTasklist(rita, HttpMethod.GET, "/task/" + household, null).getStatusCode()).isEqualTo(HttpStatus.OK);

		// The city's IT takes rita out of the CRAS Norte reception desk; her open session learns of it at
		// the next re-check.
		directory.modify("cn=ACOLHIDA_reception.SOR-CRAS-NORTE,ou=groups," + BASE,
				new Modification(ModificationType.DELETE, "member", "uid=rita,ou=people," + BASE));
		Thread.sleep(RECHECK.multipliedBy(2).toMillis());

		assertThat(lists(rita)).doesNotContainKey(desk);
		assertThat(inTasklist(rita, HttpMethod.GET, "/task?maxResults=50&processInstanceId=" + sorocaba, null).getBody()).isEmpty();
		ResponseEntity<JsonNode> claim = inTasklist(rita, HttpMethod.POST, "/task/" + household + "/claim",
				Map.of("userId", "rita"));
		assertThat(claim.getStatusCode().is4xxClientError()).as("claim answered %s", claim.getStatusCode()).isTrue();
		assertThat(tasks.createTaskQuery().taskId(household).singleResult().getAssignee()).isNull();
		assertThat(read("rita", "rita-secret-2", "/engine-rest/task?maxResults=50&processInstanceId=" + sorocaba)).as("through the REST API too").isEmpty();

		// ana, still in the workgroup, claims it.
		Session ana = signedIn("ana", "ana-secret-1");
		assertThat(inTasklist(ana, HttpMethod.POST, "/task/" + household + "/claim", Map.of("userId", "ana"))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(tasks.createTaskQuery().taskId(household).singleResult().getAssignee()).isEqualTo("ana");
	}

	@Test
	void shouldRefuseAWrongPasswordAndLetTheRightOneIn() {
		ResponseEntity<String> wrong = signIn(tasklistPage(), "paulo", "rita-secret-2");
		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(signIn(tasklistPage(), "paulo", "").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(signIn(tasklistPage(), "nobody-here", "paulo-secret-3").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(call("paulo", "wrong", HttpMethod.GET, "/engine-rest/task?maxResults=1", null).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		// Counted by the application's sign-in throttle, as for local accounts; the directory's administrator
		// sees and lifts it.
		JsonNode throttles = read("tiago", "tiago-secret-5", "/api/sign-in/throttles");
		assertThat(throttles.findParents("login").stream().filter(t -> "paulo".equals(t.get("login").asText())))
			.singleElement()
			.satisfies(t -> assertThat(t.get("failures").asInt()).isEqualTo(3));
		assertThat(call("tiago", "tiago-secret-5", HttpMethod.DELETE, "/api/sign-in/throttles/paulo", null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(lists(signedIn("paulo", "paulo-secret-3"))).containsKey(PT.getString("role.reception") + " · CRAS Norte");
	}

	@Test
	void shouldLetTheDirectorysAdministratorsAdministerAndCreateNobody() {
		JsonNode tiagosGroups = read("tiago", "tiago-secret-5", "/engine-rest/group?maxResults=50&member=tiago");
		assertThat(tiagosGroups.findValuesAsText("id")).containsExactly("camunda-admin");
		JsonNode users = read("tiago", "tiago-secret-5", "/engine-rest/user?maxResults=50");
		assertThat(users.findValuesAsText("id")).contains("ana", "rita", "giulia", "paulo", "tiago");
		JsonNode anasGroups = read("tiago", "tiago-secret-5", "/engine-rest/group?maxResults=50&member=ana");
		assertThat(anasGroups.findValuesAsText("id")).as("the library's group is not ours")
			.containsExactlyInAnyOrder("reception", "SOR-CRAS-NORTE", "reception.SOR-CRAS-NORTE");
		assertThat(call("tiago", "tiago-secret-5", HttpMethod.GET, "/engine-rest/authorization?maxResults=50&groupIdIn=reception&resourceType=0",
				null).getBody().findValuesAsText("resourceId")).as("the tasklist application for reception")
			.contains("tasklist");

		Map<String, Object> newcomer = Map.of("profile", Map.of("id", "intruso", "firstName", "In", "lastName", "Truso"),
				"credentials", Map.of("password", "Uma-senha-longa-9"));
		ResponseEntity<JsonNode> created = call("tiago", "tiago-secret-5", HttpMethod.POST, "/engine-rest/user/create",
				newcomer);
		assertThat(created.getStatusCode().is4xxClientError()).as("creating a user answered %s: %s",
				created.getStatusCode(), created.getBody()).isTrue();
		assertThat(read("ana", "ana-secret-1", "/engine-rest/user?maxResults=50")
			.findValuesAsText("id")).as("a worker reads no other accounts").doesNotContain("giulia", "tiago");
	}

}
