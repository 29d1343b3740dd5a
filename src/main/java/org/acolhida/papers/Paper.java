package org.acolhida.papers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a paper says, row by row, in the person's language and beside it in the staff's (null when
 * both read the same language), so that the worker can check what they hand over.
 */
final class Paper {

	enum Style {
		TITLE, HEADING, TEXT, NOTE
	}

	record Row(Style style, String person, String staff) {
	}

	private final PaperWords person;

	private final PaperWords staff;

	private final String caseNumber;

	private final List<Row> rows = new ArrayList<>();

	private final Set<String> explained = new HashSet<>();

	Paper(PaperWords person, PaperWords staff, String caseNumber) {
		this.person = person;
		this.staff = staff == null || staff.language().equals(person.language()) ? null : staff;
		this.caseNumber = caseNumber;
	}

	PaperWords person() {
		return person;
	}

	/** The staff's words, or null when the paper has one column. */
	PaperWords staff() {
		return staff;
	}

	String caseNumber() {
		return caseNumber;
	}

	List<Row> rows() {
		return List.copyOf(rows);
	}

	Paper add(Style style, String key, Object... args) {
		return add(style, words -> words.text(key, args));
	}

	/** A row composed in each language by the same function, e.g. a date in each language's words. */
	Paper add(Style style, Function<PaperWords, String> text) {
		rows.add(new Row(style, text.apply(person), staff == null ? null : text.apply(staff)));
		return this;
	}

	/** A row whose two sides were composed apart (e.g. the checklist's sentences, whose sources differ). */
	Paper add(Style style, String personText, String staffText) {
		rows.add(new Row(style, personText, staff == null ? null : staffText));
		return this;
	}

	/**
	 * The one-line explanation of an office or a document ({@code explain.<term>}), the first time the
	 * paper names it; nothing for a term without one.
	 */
	Paper explain(String term) {
		if (term != null && person.has("explain." + term) && explained.add(term)) {
			add(Style.NOTE, "explain." + term);
		}
		return this;
	}

}
