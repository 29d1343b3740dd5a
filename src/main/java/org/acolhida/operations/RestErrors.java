package org.acolhida.operations;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the answers of 400 and above of the engine's REST API ({@code engine-rest}), our own
 * ({@code api}) and the webapps with their API ({@code webapp}) as
 * {@code acolhida_rest_errors_total{api, status_class}}. Outermost of the filters, so that it sees
 * the refusals of the authentication and guard filters too, and a fault that escapes them as 5xx.
 */
class RestErrors extends OncePerRequestFilter {

	static final String NAME = "acolhida.rest.errors";

	private final MeterRegistry registry;

	RestErrors(MeterRegistry registry) {
		this.registry = registry;
		// Every series exists from the start, so that a dashboard shows 0 rather than no data.
		for (String api : new String[] { "engine-rest", "api", "webapp" }) {
			counter(api, "4xx");
			counter(api, "5xx");
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String api = api(ScrapeAccess.routed(request));
		if (api == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException e) {
			counter(api, "5xx").increment();
			throw e;
		}
		int status = response.getStatus();
		if (status >= 400) {
			counter(api, status >= 500 ? "5xx" : "4xx").increment();
		}
	}

	private static String api(String path) {
		if (path.equals("/engine-rest") || path.startsWith("/engine-rest/")) {
			return "engine-rest";
		}
		if (path.equals("/api") || path.startsWith("/api/")) {
			return "api";
		}
		if (path.equals("/camunda") || path.startsWith("/camunda/")) {
			return "webapp";
		}
		return null;
	}

	private Counter counter(String api, String statusClass) {
		return Counter.builder(NAME)
			.description("Answers with an error status of the REST APIs and the webapps, by API and status class")
			.tag("api", api)
			.tag("status_class", statusClass)
			.register(registry);
	}

}
