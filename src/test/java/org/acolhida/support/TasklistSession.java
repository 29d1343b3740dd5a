package org.acolhida.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed in to the webapps as Tasklist is: a session cookie and its CSRF token, for the webapps' API. */
public final class TasklistSession {

	private TasklistSession() {
	}

	/** Headers for JSON calls to {@code /camunda/api/...} as the user (password {@code demo}). */
	public static HttpHeaders of(TestRestTemplate rest, String user) {
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, cookies(page));
		headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
				HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=demo", headers), String.class);
		assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
		// Signing in starts a new session, which has a CSRF token of its own.
		headers.set(HttpHeaders.COOKIE, cookies(login));
		ResponseEntity<String> session = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		headers.set("X-XSRF-TOKEN", session.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static String cookies(ResponseEntity<?> answer) {
		return String.join("; ",
				answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(cookie -> cookie.split(";")[0]).toList());
	}

}
