package org.acolhida.language;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.acolhida.system.InvalidInputException;
import org.acolhida.system.InvalidInputException.FieldMessage;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Says what is wrong with a submitted form in the worker's language. The case file refuses input
 * with English messages (the language of the {@code /api}); this translates the ones a form can
 * cause, and the names of the fields, from {@code i18n/form-errors*.properties}. A message it does
 * not know stays in English rather than disappear.
 */
@Component
public class FormMessages {

	/** English messages of the case file, with the parts that vary as groups. */
	private static final List<Rule> RULES = List.of(new Rule("required", "is required( to link the case)?"),
			new Rule("future", "is in the future"), new Rule("too_old", "is more than 130 years ago"),
			new Rule("unknown_unit", "'(.*)' is not an active unit of the directory"),
			new Rule("not_entry_door", "(\\S+) is a (\\S+), not a unit that takes cases in charge"),
			new Rule("document_incomplete", "needs both the document type and its number"),
			new Rule("one_reference_person", "the household has one reference person already"),
			new Rule("not_a_date", "is not a date \\(expected YYYY-MM-DD\\)"),
			new Rule("unknown_relation", "unknown relation '(.*)'"),
			new Rule("not_a_household_list", "is not a list of household members"),
			new Rule("unknown_case", "no case with number '(.*)'"));

	private final WorkLanguage language;

	private final ResourceBundleMessageSource messages = WorkLanguage.messages("i18n/form-errors");

	FormMessages(WorkLanguage language) {
		this.language = language;
	}

	/** "Please correct: Birth date: is in the future" in the signed-in worker's (or the unit's) language. */
	public String refusal(InvalidInputException refused, String unitCode) {
		Locale locale = WorkLanguage.locale(language.forCurrentUser(unitCode));
		return messages.getMessage("refused", null, "Please correct", locale) + ": " + refused.getErrors()
			.stream()
			.map(error -> field(error.field(), locale) + ": " + message(error, locale))
			.collect(Collectors.joining("; "));
	}

	/**
	 * Why a start was refused ({@code start.case}, {@code start.unit}, {@code start.initiator}) in the
	 * signed-in worker's language, naming what they gave.
	 */
	public String startRefusal(String reason, String given) {
		Locale locale = WorkLanguage.locale(language.forCurrentUser(null));
		return messages.getMessage("start." + reason, new Object[] { given }, "Nothing was started", locale);
	}

	private String field(String path, Locale locale) {
		// members[1].birthDate -> "Household member 2 · Birth date"
		Matcher member = Pattern.compile("members\\[(\\d+)]\\.(.*)").matcher(path);
		if (member.matches()) {
			String who = messages.getMessage("field.member", new Object[] { Integer.parseInt(member.group(1)) + 1 },
					"Member " + (Integer.parseInt(member.group(1)) + 1), locale);
			return who + " · " + field(member.group(2), locale);
		}
		String simple = path.replaceAll("\\[\\d+]$", "");
		return messages.getMessage("field." + simple, null, path, locale);
	}

	private String message(FieldMessage error, Locale locale) {
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern.matcher(error.message());
			if (matcher.matches()) {
				Object[] args = new Object[matcher.groupCount()];
				for (int i = 0; i < args.length; i++) {
					args[i] = matcher.group(i + 1);
				}
				return messages.getMessage("error." + rule.key, args, error.message(), locale);
			}
		}
		return error.message();
	}

	private record Rule(String key, Pattern pattern) {

		Rule(String key, String regex) {
			this(key, Pattern.compile(regex));
		}

	}

}
