package org.acolhida.cases;

import java.util.Locale;

import org.springframework.data.relational.core.mapping.Table;

/** A document a member holds (passport, CRNM, permesso di soggiorno, ...) and its number. */
@Table("member_document")
public record MemberDocument(int memberNo, String documentType, String number, String numberKey) {

	static MemberDocument of(int memberNo, String documentType, String number) {
		return new MemberDocument(memberNo, documentType.trim().toUpperCase(Locale.ROOT), number.trim(), key(number));
	}

	/** The number as the duplicate check compares it: "123.456.789-00" and "12345678900" are one number. */
	static String key(String number) {
		return number.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
	}

}
