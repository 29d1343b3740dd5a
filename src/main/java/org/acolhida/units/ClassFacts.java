package org.acolhida.units;

import java.util.List;

import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** What a literacy class offers: language of instruction, level, audience, seats and lessons. */
@Table("class_facts")
public record ClassFacts(String language, Level level, Audience audience, int seats,
		@MappedCollection(idColumn = "class_facts", keyColumn = "class_facts_key") List<ClassSession> sessions) {

	public ClassFacts {
		sessions = sessions == null ? List.of() : List.copyOf(sessions);
	}

	/** Language levels, from learners who cannot yet read to the CEFR's B levels. */
	public enum Level {
		PRE_LITERATE, BEGINNER, A1, A2, B1, B2
	}

	public enum Audience {
		ADULTS, CHILDREN
	}

}
