package org.acolhida.language;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.acolhida.units.OpeningHours.OpeningAt;

/**
 * The composed texts of one language ({@link ComposedTexts}): sentences with numbered blanks
 * ({@code {0}}, {@code {1}}: plain replacement, so that an apostrophe in Italian needs no escaping),
 * the word for a code, and dates the way the language writes them.
 */
public final class Words {

	private final String language;

	private final Locale locale;

	private final Map<String, String> texts;

	Words(String language, Map<String, String> texts) {
		this.language = language;
		this.locale = WorkLanguage.locale(language);
		this.texts = texts;
	}

	/** {@code pt-BR}, {@code it} or {@code en}. */
	public String language() {
		return language;
	}

	/**
	 * The sentence {@code key} with its blanks filled. A key missing even in English is a fault of the
	 * application (a renamed key), refused rather than shown as a key.
	 */
	public String text(String key, Object... args) {
		String text = texts.get(key);
		if (text == null) {
			throw new IllegalStateException("No text '" + key + "' in processes/i18n/" + ComposedTexts.BUNDLE
					+ ".properties");
		}
		for (int i = 0; i < args.length; i++) {
			text = text.replace("{" + i + "}", String.valueOf(args[i]));
		}
		return text;
	}

	/** The sentence {@code key} if the bundles have it, else {@code fallback} (e.g. a decision table's English). */
	public String textOr(String key, String fallback) {
		return texts.getOrDefault(key, fallback);
	}

	/**
	 * The word for a code of a kind ({@code documentType.CRNM}, {@code situation.REFUGEE}); the code
	 * itself only when no bundle has it, which {@code ComposedTextsTest} forbids for every known code.
	 */
	public String word(String kind, Object code) {
		return code == null ? "" : texts.getOrDefault(kind + "." + code, code.toString());
	}

	/** "2 de dezembro de 2026", "2 dicembre 2026", "December 2, 2026". */
	public String date(LocalDate date) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
	}

	/** An instant as a date and time in the zone of the place it happens. */
	public String dateTime(Instant instant, ZoneId zone) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(instant);
	}

	/**
	 * When a unit is next open, seen from an instant, in its own time zone: "aberto agora, até
	 * quarta-feira, …", the next opening, or that none is known.
	 */
	public String opening(OpeningAt now, ZoneId zone) {
		if (now.open()) {
			return now.until().map(until -> text("opening.openUntil", dateTime(until.toInstant(), zone)))
				.orElseGet(() -> text("opening.open"));
		}
		return now.next().map(next -> dateTime(next.opens().toInstant(), zone)).orElseGet(() -> text("opening.unknown"));
	}

}
