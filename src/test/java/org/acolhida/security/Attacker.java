package org.acolhida.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Sends requests exactly as written, as an attacker's client would: Java's HTTP client puts the path on
 * the wire as given, where Spring's templates would encode or tidy it ({@code %3B}, {@code //}).
 */
final class Attacker {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final int port;

	private final Map<String, String> headers;

	private Attacker(int port, Map<String, String> headers) {
		this.port = port;
		this.headers = headers;
	}

	/** Signed in with HTTP Basic, as integrations and scripts call /engine-rest and /api. */
	static Attacker basic(int port, String user, String password) {
		return new Attacker(port, Map.of("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
	}

	/** Signed in to the webapps as Tasklist is: the session cookie and its CSRF token. */
	static Attacker webapp(int port, String user, String password) {
		Attacker anonymous = new Attacker(port, Map.of());
		HttpResponse<String> page = anonymous.send("GET", "/camunda/app/tasklist/default/", null, Map.of());
		String cookies = cookies(page);
		String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
		HttpResponse<String> login = anonymous.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
				"username=" + user + "&password=" + password, Map.of("Cookie", cookies, "X-XSRF-TOKEN", token,
						"Content-Type", "application/x-www-form-urlencoded"));
		if (login.statusCode() != 200) {
			throw new IllegalStateException("Could not sign in to Tasklist as " + user + ": " + login.statusCode());
		}
		// Signing in starts a new session, which has a CSRF token of its own.
		String session = cookies(login);
		HttpResponse<String> who = anonymous.send("GET", "/camunda/api/admin/auth/user/default", null,
				Map.of("Cookie", session, "X-XSRF-TOKEN", token));
		return new Attacker(port, Map.of("Cookie", session, "X-XSRF-TOKEN",
				who.headers().firstValue("X-XSRF-TOKEN").orElse(token)));
	}

	HttpResponse<String> postJson(String rawPath, String json) {
		return send("POST", rawPath, json, Map.of("Content-Type", "application/json"));
	}

	HttpResponse<String> get(String rawPath) {
		return send("GET", rawPath, null, Map.of());
	}

	HttpResponse<String> send(String method, String rawPath, String body, Map<String, String> extra) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		extra.forEach(request::header);
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String cookies(HttpResponse<?> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return String.join("; ", cookies.stream().map(cookie -> cookie.split(";")[0]).toList());
	}

	/** A file that the payloads try to create; an attack has had its effect when it exists. */
	static Path marker(String name) {
		try {
			Path folder = Files.createTempDirectory("acolhida-attack-");
			return folder.resolve(name);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Runs {@code touch} through Runtime.exec, reached by reflection from a string. */
	static String execPayload(Path marker) {
		return "\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch "
				+ marker + "\")";
	}

	/** Creates the file through java.io.File's constructor, reached by reflection. */
	static String filePayload(Path marker) {
		return "''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('" + marker
				+ "').createNewFile()";
	}

	/** Makes a user a member of a group through the engine's services, reached from the execution. */
	static String servicesPayload(String user, String group) {
		return "execution.getProcessEngineServices().getIdentityService().createMembership('" + user + "','" + group + "')";
	}

	/** The same through the application's own bean of the engine's identity service: no reflection at all. */
	static String beanPayload(String user, String group) {
		return "identityService.createMembership('" + user + "','" + group + "')";
	}

}
