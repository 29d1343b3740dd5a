package org.acolhida.operations;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestErrorsTest {

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final RestErrors filter = new RestErrors(registry);

	double count(String api, String statusClass) {
		return registry.get(RestErrors.NAME).tag("api", api).tag("status_class", statusClass).counter().count();
	}

	void answer(String servletPath, int status) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", servletPath);
		request.setServletPath(servletPath);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				((MockHttpServletResponse) res).setStatus(status);
			}
		});
	}

	@Test
	void shouldCountErrorsByApiAndStatusClass() throws Exception {
		answer("/engine-rest/task/x", 404);
		answer("/api/cases/x", 403);
		answer("/api/cases/x", 503);
		answer("/camunda/api/engine/engine/default/task", 500);
		answer("/engine-rest/task", 200);
		answer("/actuator/health", 503);

		assertThat(count("engine-rest", "4xx")).isEqualTo(1);
		assertThat(count("engine-rest", "5xx")).isZero();
		assertThat(count("api", "4xx")).isEqualTo(1);
		assertThat(count("api", "5xx")).isEqualTo(1);
		assertThat(count("webapp", "5xx")).isEqualTo(1);
		assertThat(registry.get(RestErrors.NAME).counters()).hasSize(6);
	}

	@Test
	void shouldCountAFaultThatEscapesTheFiltersAsServerError() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/x/complete");
		request.setServletPath("/engine-rest/task/x/complete");
		assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			throw new ServletException("boom");
		})).isInstanceOf(ServletException.class);

		assertThat(count("engine-rest", "5xx")).isEqualTo(1);
	}

}
