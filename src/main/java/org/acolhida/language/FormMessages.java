package org.acolhida.language;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.InvalidInputException.FieldMessage;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The one way a form is refused, in every process: says what is wrong with a submitted form in the
 * worker's language, naming each field by its label and each allowed value by its word. The case file
 * and the delegates refuse input with English messages on field keys (the language of the
 * {@code /api}, see {@link InvalidInputException}); this translates the ones a form can cause, the
 * labels of the fields and the words of the options from {@code i18n/form-errors*.properties}. A
 * message it does not know stays in English rather than disappear.
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
			new Rule("unknown_case", "no case with number '(.*)'"),
			new Rule("not_one_of", "'(.*)' is not one of \\[(.*)]"),
			new Rule("required_when_papers_missing", "is required when papers are missing"),
			new Rule("required_when_issued", "is required when the document was issued"),
			new Rule("required_when_declining", "is required when declining"),
			new Rule("not_in_future", "must be in the future"),
			new Rule("not_after_today", "must be after today"),
			new Rule("not_a_time", "is not a time of day \\(expected HH:MM\\)(: .*)?"),
			new Rule("too_long", "is longer than (\\d+) characters"),
			new Rule("already_recorded", "is already recorded for this member"),
			new Rule("no_such_member", "the household has no member (\\d+)"),
			new Rule("not_a_document_request", "'(.*)' is not a document request \\(TYPE:memberNo\\)"),
			new Rule("choose_one", "choose at least one"));

	/** The list of allowed codes in a {@code not_one_of} message, e.g. {@code ISSUED, PENDING}. */
	private static final int ALLOWED_VALUES = 2;

	private final WorkLanguage language;

	private final ResourceBundleMessageSource messages = WorkLanguage.messages("i18n/form-errors");

	FormMessages(WorkLanguage language) {
		this.language = language;
	}

	/**
	 * The refusal of a submitted form, to throw from the delegate or listener that reads it: "Por
	 * favor, corrija: Data de nascimento: está no futuro" in the signed-in worker's language, else in
	 * that of the case's unit ({@code caseUnitCode}, may be null before a case exists).
	 */
	public InvalidFormException refused(InvalidInputException refused, String caseUnitCode) {
		return new InvalidFormException(refusal(refused, caseUnitCode), refused.getErrors());
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
				if (rule.key.equals("not_one_of")) {
					args[ALLOWED_VALUES - 1] = options(error.field(), args[ALLOWED_VALUES - 1].toString(), locale);
				}
				return messages.getMessage("error." + rule.key, args, error.message(), locale);
			}
		}
		return error.message();
	}

	/** "ISSUED, PENDING" on the field outcome -> "Emitido, Pendente: nova data": the words the form shows. */
	private String options(String field, String codes, Locale locale) {
		String simple = field.replaceAll("\\[\\d+]$", "");
		return java.util.Arrays.stream(codes.split(",\\s*"))
			.map(code -> messages.getMessage("option." + simple + "." + code, null, code, locale))
			.collect(Collectors.joining(", "));
	}

	private record Rule(String key, Pattern pattern) {

		Rule(String key, String regex) {
			this(key, Pattern.compile(regex));
		}

	}

}
