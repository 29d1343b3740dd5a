package org.acolhida.operations;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code LOG_FORMAT} setting as {@code application.yaml} reads it, on a bare application (no engine,
 * no database): unset, the console keeps Spring Boot's plain text; {@code ecs} makes it JSON lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTest {

	private static final String LINE = "a line to find";

	@Configuration(proxyBeanMethods = false)
	static class Bare {

	}

	@AfterEach
	void clearContext() {
		MDC.clear();
		ConsoleLogging.plain();
	}

	static String logOneLine(Map<String, Object> settings, CapturedOutput output) {
		ConsoleLogging.reset();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Bare.class)
			.web(WebApplicationType.NONE)
			.properties(settings)
			.run()) {
			int mark = output.getOut().length();
			MDC.put(LoggingContext.USER, "ana");
			MDC.put(LoggingContext.CASE_NUMBER, "SOR-2026-000001");
			LoggerFactory.getLogger(LogFormatTest.class).info(LINE);
			return output.getOut().substring(mark).strip();
		}
	}

	@Test
	void shouldKeepPlainTextWhenUnset(CapturedOutput output) {
		String line = logOneLine(Map.of(), output);

		assertThat(line).doesNotStartWith("{").contains(" INFO ", LogFormatTest.class.getName(), LINE);
	}

	@Test
	void shouldWriteJsonLinesWithTheUserAndTheCaseWhenEcs(CapturedOutput output) throws Exception {
		JsonNode line = new ObjectMapper().readTree(logOneLine(Map.of("LOG_FORMAT", "ecs"), output));

		assertThat(line.path("message").asText()).isEqualTo(LINE);
		assertThat(line.at("/log/level").asText()).isEqualTo("INFO");
		assertThat(line.at("/service/name").asText()).isEqualTo("acolhida");
		assertThat(line.path("userId").asText()).isEqualTo("ana");
		assertThat(line.path("caseNumber").asText()).isEqualTo("SOR-2026-000001");
	}

}
