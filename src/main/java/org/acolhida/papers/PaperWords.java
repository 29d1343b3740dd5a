package org.acolhida.papers;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of papers in one language, with the dates and hours in that language's words: weekday
 * and month names from the bundle when it has them ({@code day.4}, {@code month.12}: Java knows no
 * Haitian Creole), else from {@code java.time}; always 24-hour times.
 *
 * @param language the language tag of the texts (e.g. {@code ht}, {@code pt-BR})
 * @param texts English overlaid with the language's bundle
 * @param translated the keys the language's own bundle has, so that a paper can say what is still English
 */
record PaperWords(String language, Map<String, String> texts, java.util.Set<String> translated) {

	Locale locale() {
		return Locale.forLanguageTag(language);
	}

	/** Right-to-left scripts: Arabic and Urdu. */
	boolean rightToLeft() {
		return "ar".equals(locale().getLanguage()) || "ur".equals(locale().getLanguage());
	}

	boolean has(String key) {
		return texts.containsKey(key);
	}

	/** The text of {@code key} with {@code {name}} placeholders filled from {@code args} (name, value, ...). */
	String text(String key, Object... args) {
		String text = texts.get(key);
		if (text == null) {
			throw new IllegalStateException("papers.properties has no text '" + key + "'");
		}
		for (int i = 0; i + 1 < args.length; i += 2) {
			text = text.replace("{" + args[i] + "}", String.valueOf(args[i + 1]));
		}
		return text;
	}

	String weekday(DayOfWeek day) {
		String own = texts.get("day." + day.getValue());
		return own != null ? own : day.getDisplayName(TextStyle.FULL, locale());
	}

	String month(Month month) {
		String own = texts.get("month." + month.getValue());
		return own != null ? own : month.getDisplayName(TextStyle.FULL, locale());
	}

	/** "jedi 3 desanm 2026" / "quinta-feira, 3 de dezembro de 2026", in the given date's own zone. */
	String date(ZonedDateTime at) {
		return text("format.date", "weekday", weekday(at.getDayOfWeek()), "day", at.getDayOfMonth(), "month",
				month(at.getMonth()), "year", at.getYear());
	}

	/** 24-hour time, e.g. 09:00. */
	static String time(ZonedDateTime at) {
		return String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute());
	}

	static String minutes(int minuteOfDay) {
		return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
	}

	/** The date and the time, e.g. "jedi 3 desanm 2026, 16:00". */
	String dateTime(ZonedDateTime at) {
		return text("format.dateTime", "date", date(at), "time", time(at));
	}

	/** A language's name in this language: "kreyòl ayisyen", "crioulo haitiano". */
	String languageName(String tag) {
		String base = Locale.forLanguageTag(tag).getLanguage();
		String own = texts.get("language." + base);
		return own != null ? own : Locale.forLanguageTag(tag).getDisplayLanguage(locale());
	}

}
