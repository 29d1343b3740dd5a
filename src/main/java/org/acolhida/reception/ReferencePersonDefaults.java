package org.acolhida.reception;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.Member;
import org.acolhida.errors.NotFoundException;
import org.acolhida.language.FormChoices;
import org.springframework.stereotype.Component;

/**
 * What a member of the household most likely shares with the reference person, as the first value of
 * the household form's fields ({@code "properties": {"default": "referencePerson"}}): their family
 * name, nationality and languages, by the field's key. The worker overwrites what differs; a field
 * already filled (a task opened again) keeps what was saved. Nothing for a start form or a case the
 * task does not name.
 */
@Component
class ReferencePersonDefaults implements FormChoices {

	static final String NAME = "referencePerson";

	private final CaseFiles cases;

	ReferencePersonDefaults(CaseFiles cases) {
		this.cases = cases;
	}

	@Override
	public String name() {
		return NAME;
	}

	/** By the keys of the household form's member fields (the keys the household's JSON list uses too). */
	@Override
	public Map<String, Object> defaults(Reader reader) {
		Optional<Member> person = referencePerson(reader.caseNumber());
		if (person.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("familyName", person.get().familyName());
		defaults.put("nationality", person.get().nationality());
		if (!person.get().languageList().isEmpty()) {
			defaults.put("languages", person.get().languageList());
		}
		return defaults;
	}

	private Optional<Member> referencePerson(String caseNumber) {
		if (caseNumber == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(cases.summary(caseNumber).getReferencePerson());
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

}
