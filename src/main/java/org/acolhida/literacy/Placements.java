package org.acolhida.literacy;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.acolhida.language.FormMessages;
import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Reads a learner's placement (the placement form's answers) into what the seats core takes. The
 * language of instruction is the local one of the owning unit's country (Portuguese in Brazil,
 * Italian in Italy); a learner who cannot read in their own language needs a literacy class
 * (PRE_LITERATE) whatever their spoken level. A refused answer is a form refusal
 * ({@link FormMessages#refused}) naming the field: the placement task stays open with the message
 * and nothing of the submission is kept.
 */
@Component
class Placements {

	/** The levels the placement form offers; B2 learners need no literacy class. */
	static final Set<Level> PLACEMENT_LEVELS = EnumSet.of(Level.PRE_LITERATE, Level.BEGINNER, Level.A1, Level.A2,
			Level.B1);

	/** As long as {@link LearnerNeed} takes a district. */
	private static final int DISTRICT_MAX = 100;

	private final UnitDirectory units;

	private final FormMessages messages;

	Placements(UnitDirectory units, FormMessages messages) {
		this.units = units;
		this.messages = messages;
	}

	/** What an adult learner needs from a class, from the placement in this scope. */
	LearnerNeed need(VariableScope scope) {
		ServiceUnit owner = units.unit(UNIT_CODE.from(scope).get());
		Level level = classLevel(scope);
		String district = text(scope.getVariable(Variables.LEARNER_DISTRICT));
		try {
			if (district != null && district.length() > DISTRICT_MAX) {
				throw new InvalidInputException(Variables.LEARNER_DISTRICT, "is longer than " + DISTRICT_MAX + " characters");
			}
			return new LearnerNeed(languageOfInstruction(owner), level, Audience.ADULTS, owner.getMunicipality(),
					district, Availability.of(scope.getVariable(Variables.AVAILABLE_DAYS),
							scope.getVariable(Variables.AVAILABLE_TIMES)));
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, owner.getCode());
		}
	}

	/** The answers the placement form offers for a school-age child's schooling so far. */
	static final List<String> SCHOOLING = List.of("NEVER", "INTERRUPTED", "REGULAR");

	/** As long as the placement form takes the last school year. */
	static final int LAST_SCHOOL_YEAR_MAX = 100;

	/**
	 * Refuses a school-age child's placement that does not say what the school needs to enrol them
	 * (their schooling so far, one of {@link #SCHOOLING}; the last year completed at most
	 * {@value #LAST_SCHOOL_YEAR_MAX} characters). A child is asked no level and no class hours: the
	 * school places them by age and schooling.
	 */
	void checkSchooling(VariableScope scope) {
		String schooling = text(LiteracyEnrollmentProcess.SCHOOLING_SO_FAR.from(scope).getOrNull());
		String lastYear = text(LiteracyEnrollmentProcess.LAST_SCHOOL_YEAR.from(scope).getOrNull());
		InvalidInputException refused = null;
		if (schooling == null) {
			refused = new InvalidInputException(Variables.SCHOOLING_SO_FAR, "is required");
		}
		else if (!SCHOOLING.contains(schooling)) {
			refused = new InvalidInputException(Variables.SCHOOLING_SO_FAR,
					"'" + schooling + "' is not one of " + SCHOOLING);
		}
		else if (lastYear != null && lastYear.length() > LAST_SCHOOL_YEAR_MAX) {
			refused = new InvalidInputException(Variables.LAST_SCHOOL_YEAR,
					"is longer than " + LAST_SCHOOL_YEAR_MAX + " characters");
		}
		if (refused != null) {
			throw messages.refused(refused, UNIT_CODE.from(scope).getOrNull());
		}
	}

	/** The class level: the placement's, or PRE_LITERATE for someone who cannot read in any language. */
	Level classLevel(VariableScope scope) {
		String given = text(scope.getVariable(Variables.LEVEL));
		Level level;
		try {
			level = given == null ? null : Level.valueOf(given.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			level = null;
		}
		if (level == null || !PLACEMENT_LEVELS.contains(level)) {
			throw messages.refused(given == null ? new InvalidInputException(Variables.LEVEL, "is required")
					: new InvalidInputException(Variables.LEVEL, "'" + given + "' is not one of " + PLACEMENT_LEVELS),
					UNIT_CODE.from(scope).getOrNull());
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
