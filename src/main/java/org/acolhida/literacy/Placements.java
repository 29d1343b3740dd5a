package org.acolhida.literacy;

import java.util.Locale;

import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Reads a learner's placement (the placement form's answers) into what the seats core takes. The
 * language of instruction is the local one of the owning unit's country (Portuguese in Brazil,
 * Italian in Italy); a learner who cannot read in their own language needs a literacy class
 * (PRE_LITERATE) whatever their spoken level. A refused answer is a
 * {@link BadUserRequestException} naming the field: the placement task stays open with the message
 * and nothing of the submission is kept.
 */
@Component
class Placements {

	/** The levels the placement form offers; B2 learners need no literacy class. */
	static final java.util.Set<Level> PLACEMENT_LEVELS = java.util.EnumSet.of(Level.PRE_LITERATE, Level.BEGINNER,
			Level.A1, Level.A2, Level.B1);

	private final UnitDirectory units;

	Placements(UnitDirectory units) {
		this.units = units;
	}

	/** What an adult learner needs from a class, from the placement in this scope. */
	LearnerNeed need(VariableScope scope) {
		ServiceUnit owner = units.unit((String) scope.getVariable(Variables.UNIT_CODE));
		try {
			return new LearnerNeed(languageOfInstruction(owner), classLevel(scope), Audience.ADULTS,
					owner.getMunicipality(), text(scope.getVariable(Variables.LEARNER_DISTRICT)),
					Availability.of(scope.getVariable(Variables.AVAILABLE_DAYS),
							scope.getVariable(Variables.AVAILABLE_TIMES)));
		}
		catch (IllegalArgumentException e) {
			throw new BadUserRequestException("Please correct: " + e.getMessage());
		}
	}

	/** The class level: the placement's, or PRE_LITERATE for someone who cannot read in any language. */
	Level classLevel(VariableScope scope) {
		Object given = scope.getVariable(Variables.LEVEL);
		Level level;
		try {
			level = given == null ? null : Level.valueOf(given.toString().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			level = null;
		}
		if (level == null || !PLACEMENT_LEVELS.contains(level)) {
			throw new BadUserRequestException(
					"Please correct: level: one of PRE_LITERATE, BEGINNER, A1, A2, B1, not '" + given + "'");
		}
		Object literate = scope.getVariable(Variables.LITERATE_IN_OWN_LANGUAGE);
		boolean readsOwnLanguage = literate instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(literate));
		return readsOwnLanguage ? level : Level.PRE_LITERATE;
	}

	/** ISO 639 code of the language classes are taught in at the unit's country. */
	static String languageOfInstruction(ServiceUnit owner) {
		return switch (String.valueOf(owner.getCountry())) {
			case "BR", "PT" -> "pt";
			case "IT" -> "it";
			default -> throw new IllegalStateException("No language of instruction known for unit " + owner.getCode()
					+ " in country " + owner.getCountry());
		};
	}

	static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

}
