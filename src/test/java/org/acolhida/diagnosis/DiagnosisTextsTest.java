package org.acolhida.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.acolhida.language.WorkLanguage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis speaks every language staff work in: each bundle has every English key, and every
 * word the tables use (needs, services, bands, levels, outcomes, the missing units) has a text.
 */
class DiagnosisTextsTest {

	static Properties bundle(String suffix) throws IOException {
		Properties texts = new Properties();
		try (InputStream in = DiagnosisTextsTest.class.getClassLoader()
			.getResourceAsStream("i18n/diagnosis" + suffix + ".properties")) {
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return texts;
	}

	@ParameterizedTest
	@ValueSource(strings = { "_pt_BR", "_it" })
	void shouldTranslateEveryText(String suffix) throws IOException {
		Set<String> english = bundle("").stringPropertyNames();

		assertThat(bundle(suffix).stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english);
	}

	@ParameterizedTest
	@ValueSource(strings = { WorkLanguage.EN, WorkLanguage.PT_BR, WorkLanguage.IT })
	void shouldNameEveryCodeTheTablesShow(String language) throws IOException {
		Names names = new Names();
		for (String need : DiagnosisQueries.NEEDS) {
			assertThat(names.text("need." + need, language)).doesNotContain("need.");
		}
		for (String band : DiagnosisQueries.BANDS) {
			assertThat(names.text("band." + band, language)).doesNotContain("_");
		}
		for (List<String> missing : DiagnosisQueries.NO_UNIT_FOUND) {
			assertThat(bundle("").getProperty("missing." + missing.get(0))).isNotBlank();
		}
		for (String outcome : List.of(DiagnosisQueries.ISSUED, DiagnosisQueries.REFUSED, DiagnosisQueries.GIVEN_UP)) {
			assertThat(bundle("").getProperty("outcome." + outcome)).isNotBlank();
		}
		assertThat(names.nationality(names.nationalityKey("Haïti"), "Haïti", language)).isNotEqualTo("HT").isNotBlank();
		assertThat(names.language("ht", language)).isNotEqualTo("ht");
		assertThat(names.document("CRNM", language)).startsWith("CRNM");
	}

}
