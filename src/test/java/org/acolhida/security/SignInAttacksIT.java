package org.acolhida.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attacks of the security issue, made as an attacker makes them: over HTTP, without an account, from
 * addresses of their own. Clients are told apart by X-Forwarded-For, which the application believes only
 * from internal addresses such as this test's. Each test signs in as users it creates, from addresses no
 * other test uses, so that the shared application and its demo logins are left as they were.
 */
@PostgresIntegrationTest
class SignInAttacksIT {

	static final String PASSWORD = "Lua-Cheia-7788";

	static final AtomicInteger CLIENTS = new AtomicInteger();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	JdbcTemplate jdbc;

	/** A fresh account of this test's own, which may open Tasklist (else its login form answers 403). */
	String newUser() {
		String id = "signin-" + CLIENTS.incrementAndGet() + "-" + System.nanoTime() % 100000;
		User user = identityService.newUser(id);
		user.setFirstName("Teste");
		user.setLastName("Acolhida");
		user.setPassword(PASSWORD);
		identityService.saveUser(user);
		Authorization tasklist = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		tasklist.setUserId(id);
		tasklist.setResource(Resources.APPLICATION);
		tasklist.setResourceId("tasklist");
		tasklist.addPermission(Permissions.ACCESS);
		authorizationService.saveAuthorization(tasklist);
		return id;
	}

	/** An address from TEST-NET-3 that no other test signs in from. */
	static String newClient() {
		int n = CLIENTS.incrementAndGet();
		return "203.0.113." + (n % 250 + 1);
	}

	enum Route {
		ENGINE_REST, API, WEBAPP_FORM
	}

	ResponseEntity<String> signIn(Route route, String login, String password, String client) {
		return switch (route) {
			case ENGINE_REST -> basic("/engine-rest/user/" + login + "/profile", login, password, client);
			case API -> basic("/api/units", login, password, client);
			case WEBAPP_FORM -> form(login, password, client);
		};
	}

	ResponseEntity<String> basic(String path, String login, String password, String client) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(login, password);
		headers.set("X-Forwarded-For", client);
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	ResponseEntity<String> form(String login, String password, String client) {
		return form("/camunda/api/admin/auth/user/default/login/tasklist", login, password, client);
	}

	/** The webapps' login form, with the session cookie and CSRF token Tasklist's page hands out. */
	ResponseEntity<String> form(String path, String login, String password, String client) {
		HttpHeaders page = new HttpHeaders();
		page.set("X-Forwarded-For", client);
		ResponseEntity<String> tasklist = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
				new HttpEntity<>(page), String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Forwarded-For", client);
		headers.add(HttpHeaders.COOKIE, String.join("; ", tasklist.getHeaders()
			.getOrEmpty(HttpHeaders.SET_COOKIE)
			.stream()
			.map(cookie -> cookie.split(";")[0])
			.toList()));
		headers.add("X-XSRF-TOKEN", tasklist.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		return rest.exchange(path, HttpMethod.POST,
				new HttpEntity<>("username=" + login + "&password=" + password, headers), String.class);
	}

	/** Wrong passwords as fast as the attacker can send them; every answer. */
	List<ResponseEntity<String>> attack(Route route, String login, String client, int attempts) {
		List<ResponseEntity<String>> answers = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			answers.add(signIn(route, login, "guess-" + i, client));
		}
		return answers;
	}

	static void assertRefusedWithoutLock(List<ResponseEntity<String>> answers) {
		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(401, 429);
			assertThat(String.valueOf(answer.getBody())).doesNotContainIgnoringCase("locked");
		});
	}

	static long retryAfter(ResponseEntity<String> answer) {
		return Long.parseLong(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
	}

	static void waitFor(long seconds) throws InterruptedException {
		Thread.sleep(seconds * 1000 + 200);
	}

	int engineAttempts(String login) {
		return jdbc.queryForObject("SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, login);
	}

	@Test
	void shouldNotLockAnAccountAfterMoreWrongPasswordsThanTheEngineAllowedOnEveryRoute() {
		for (Route route : Route.values()) {
			String login = newUser();
			// Three attackers, each below the throttle's free attempts: 15 passwords really checked, where the
			// engine used to lock the account for good after 10.
			List<ResponseEntity<String>> answers = new ArrayList<>();
			for (int attacker = 0; attacker < 3; attacker++) {
				answers.addAll(attack(route, login, newClient(), 5));
			}

			assertRefusedWithoutLock(answers);
			assertThat(answers).as(route + ": every wrong password was checked")
				.allSatisfy(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(401));
			assertThat(engineAttempts(login)).as(route + ": the engine's count of failures").isZero();
			assertThat(signIn(route, login, PASSWORD, newClient()).getStatusCode()).as(route.name()).isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void shouldKeepOneAttackerWaitingButLetTheUserInFromElsewhereAndAfterwards() throws InterruptedException {
		for (Route route : Route.values()) {
			String login = newUser();
			String attacker = newClient();

			List<ResponseEntity<String>> answers = attack(route, login, attacker, 15);

			assertRefusedWithoutLock(answers);
			ResponseEntity<String> last = answers.get(answers.size() - 1);
			assertThat(last.getStatusCode().value()).as(route.name()).isEqualTo(429);
			assertThat(retryAfter(last)).as(route.name()).isPositive();
			// Meanwhile, the real user at their own desk.
			assertThat(signIn(route, login, PASSWORD, newClient()).getStatusCode()).as(route.name())
				.isEqualTo(HttpStatus.OK);
			// While the wait holds even the right password is not checked.
			ResponseEntity<String> held = signIn(route, login, PASSWORD, attacker);
			assertThat(held.getStatusCode().value()).as(route.name()).isEqualTo(429);
			assertThat(held.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
			// The attack stops; after the wait the account signs in from the attacker's address too.
			waitFor(retryAfter(held));
			assertThat(signIn(route, login, PASSWORD, attacker).getStatusCode()).as(route.name()).isEqualTo(HttpStatus.OK);
			assertThat(engineAttempts(login)).isZero();
		}
	}

	@Test
	void shouldHoldEverySpellingOfThePath() {
		String login = newUser();
		String attacker = newClient();
		assertThat(attack(Route.ENGINE_REST, login, attacker, 6)).last()
			.satisfies(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(429));

		for (String path : List.of("/engine-rest/user/" + login + "/profile", "/engine-rest;x=1/user/" + login
				+ "/profile", "/engine-rest//user/" + login + "/profile", "/engine-rest/user/" + login + "/profile/",
				"/engine-rest/user/" + login + "/profile;x=1", "/engine-rest/./user/" + login + "/profile",
				"/engine-rest/x/../user/" + login + "/profile", "/api;x=1/units", "/api//units", "/api/units/",
				"/engine-rest%2Fuser%2F" + login + "%2Fprofile", "/ENGINE-REST/user/" + login + "/profile",
				"/API/units")) {
			ResponseEntity<String> answer = basic(path, login, PASSWORD, attacker);
			assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer.getStatusCode()).isFalse();
			assertThat(answer.getStatusCode().value()).as(path).isNotEqualTo(500);
		}
		for (String path : List.of("/engine-rest;x=1/user/" + login + "/profile", "/engine-rest//user/" + login
				+ "/profile", "/engine-rest/user/" + login + "/profile/", "/api;x=1/units", "/api//units")) {
			assertThat(basic(path, login, PASSWORD, attacker).getStatusCode().value()).as(path).isEqualTo(429);
		}
	}

	@Test
	void shouldHoldEverySpellingOfTheLoginForm() {
		String login = newUser();
		String attacker = newClient();
		assertThat(attack(Route.WEBAPP_FORM, login, attacker, 6)).last()
			.satisfies(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(429));

		String form = "/camunda/api/admin/auth/user/default/login/tasklist";
		for (String path : List.of(form, form + "/", form + "?username=someone-else", form + ";x=1",
				"/camunda/api/admin/auth/user/default/login;x=1/tasklist", "/camunda//api/admin/auth/user/default/login/tasklist",
				"/camunda/api/admin/auth/user/default/./login/tasklist", "/CAMUNDA/api/admin/auth/user/default/login/tasklist",
				"/camunda/api/admin/auth%2Fuser/default/login/tasklist")) {
			ResponseEntity<String> answer = form(path, login, PASSWORD, attacker);
			assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer.getStatusCode()).isFalse();
			assertThat(answer.getStatusCode().value()).as(path).isNotEqualTo(500);
		}
		assertThat(form(form + "?username=someone-else", login, PASSWORD, attacker).getStatusCode().value())
			.isEqualTo(429);
		assertThat(form(form + ";x=1", login, PASSWORD, attacker).getStatusCode().value()).isEqualTo(429);
	}

	@Test
	void shouldLetOnlyAnAdministratorSeeAndLiftAWait() {
		String login = newUser();
		String attacker = newClient();
		attack(Route.API, login, attacker, 5);
		// An attack that has gone on for a while, waiting out each delay: the wait is now minutes long.
		for (int i = 0; i < 8; i++) {
			throttle.failed(attacker, login);
		}
		assertThat(signIn(Route.API, login, PASSWORD, attacker).getStatusCode().value()).isEqualTo(429);

		ResponseEntity<JsonNode> listed = rest.withBasicAuth("admin", "demo")
			.getForEntity("/api/sign-in/throttles", JsonNode.class);
		ResponseEntity<String> byStaff = rest.withBasicAuth("ana", "demo")
			.getForEntity("/api/sign-in/throttles", String.class);
		ResponseEntity<String> liftedByStaff = rest.withBasicAuth("ana", "demo")
			.exchange("/api/sign-in/throttles/" + login, HttpMethod.DELETE, null, String.class);
		ResponseEntity<String> clientLiftedByStaff = rest.withBasicAuth("ana", "demo")
			.exchange("/api/sign-in/throttles?client=" + attacker, HttpMethod.DELETE, null, String.class);

		assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(listed.getBody()).anySatisfy(entry -> {
			assertThat(entry.path("login").asText()).isEqualTo(login);
			assertThat(entry.path("client").asText()).isEqualTo(attacker);
			assertThat(entry.path("failures").asInt()).isEqualTo(13);
			assertThat(entry.path("heldUntil").isTextual()).isTrue();
		});
		assertThat(byStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(liftedByStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(clientLiftedByStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(signIn(Route.API, login, PASSWORD, attacker).getStatusCode().value()).isEqualTo(429);

		ResponseEntity<String> lifted = rest.withBasicAuth("admin", "demo")
			.exchange("/api/sign-in/throttles/" + login, HttpMethod.DELETE, null, String.class);

		assertThat(lifted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(signIn(Route.API, login, PASSWORD, attacker).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rest.withBasicAuth("admin", "demo").getForObject("/api/sign-in/throttles", JsonNode.class))
			.noneSatisfy(entry -> assertThat(entry.path("login").asText()).isEqualTo(login));
	}

	@Test
	void shouldRefuseAWeakPasswordAndKeepTheOldOne() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("davi", "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		try {
			ResponseEntity<String> weak = rest.exchange("/engine-rest/user/davi/credentials", HttpMethod.PUT,
					new HttpEntity<>(Map.of("password", "1", "authenticatedUserPassword", "demo"), headers),
					String.class);
			ResponseEntity<String> common = rest.exchange("/engine-rest/user/davi/credentials", HttpMethod.PUT,
					new HttpEntity<>(Map.of("password", "P@ssw0rd2024!", "authenticatedUserPassword", "demo"), headers),
					String.class);

			assertThat(weak.getStatusCode()).as(weak.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(weak.getBody()).contains("Password does not match policy");
			assertThat(common.getStatusCode()).as(common.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(rest.withBasicAuth("davi", "demo").getForEntity("/api/units", String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);

			ResponseEntity<String> strong = rest.exchange("/engine-rest/user/davi/credentials", HttpMethod.PUT,
					new HttpEntity<>(Map.of("password", "Rio-Tiete-4821", "authenticatedUserPassword", "demo"),
							headers),
					String.class);

			assertThat(strong.getStatusCode()).as(strong.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(rest.withBasicAuth("davi", "Rio-Tiete-4821").getForEntity("/api/units", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		finally {
			// Back to the documented demo password, which only the demo's own set-up may give.
			User davi = identityService.createUserQuery().userId("davi").singleResult();
			davi.setPassword("demo");
			((IdentityServiceImpl) identityService).saveUser(davi, true);
		}
		assertThat(rest.withBasicAuth("davi", "demo").getForEntity("/api/units", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldRefuseANameWithMarkupAndKeepTheName() {
		String login = newUser();
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(login, PASSWORD);
		headers.setContentType(MediaType.APPLICATION_JSON);

		for (Map<String, String> profile : List.of(
				Map.of("id", login, "firstName", "<img src=x onerror=alert(1)>", "lastName", "Acolhida"),
				Map.of("id", login, "firstName", "Teste", "lastName", "Acolhida\u202Egnp.exe"),
				Map.of("id", login, "firstName", "Teste", "lastName", "Acolhida", "email", "a@b.org\n<b>"))) {
			ResponseEntity<String> renamed = rest.exchange("/engine-rest/user/" + login + "/profile", HttpMethod.PUT,
					new HttpEntity<>(profile, headers), String.class);

			assertThat(renamed.getStatusCode()).as(renamed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		}
		User stored = identityService.createUserQuery().userId(login).singleResult();
		assertThat(stored.getFirstName()).isEqualTo("Teste");
		assertThat(stored.getLastName()).isEqualTo("Acolhida");
		assertThat(stored.getEmail()).isNull();

		stored.setFirstName("<script>");
		assertThatThrownBy(() -> identityService.saveUser(stored)).isInstanceOf(BadUserRequestException.class);
		assertThat(identityService.createUserQuery().userId(login).singleResult().getFirstName()).isEqualTo("Teste");

		// A name in another script, with the joiners some need, is a name.
		ResponseEntity<String> urdu = rest.exchange("/engine-rest/user/" + login + "/profile", HttpMethod.PUT,
				new HttpEntity<>(Map.of("id", login, "firstName", "\u0639\u0644\u06CC\u200C", "lastName", "Acolhida"),
						headers),
				String.class);
		assertThat(urdu.getStatusCode()).as(urdu.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

}
