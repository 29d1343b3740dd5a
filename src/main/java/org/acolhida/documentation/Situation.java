package org.acolhida.documentation;

import org.acolhida.language.FormValues;

/**
 * The person's situation as the checklist ({@code documentation-checklist.dmn}) distinguishes it.
 * The adviser picks one for the household; {@link #MINOR} is derived from a member's birth date and
 * {@link #RENEWAL} from a renewal instance, because the papers differ for them whatever the rest.
 */
public enum Situation {
	/** Has asked for refugee status (Brazil: CONARE request; Italy: protezione internazionale) and waits. */
	ASYLUM_SEEKER,
	/** Recognised refugee. */
	REFUGEE,
	/** Brazil: humanitarian visa or residence (acolhida humanitária); Italy: protezione speciale. */
	HUMANITARIAN_VISA,
	/** Joined a family member who lives here. */
	FAMILY_REUNION,
	/** Residence for work. */
	WORKER,
	/** Under 18: a parent or guardian must come, fees are usually waived. */
	MINOR,
	/** Renewing a document the person holds. */
	RENEWAL,
	/** Anything else: the general rule of the checklist applies. */
	OTHER;

	static Situation of(Object value) {
		String text = FormValues.text(value);
		if (text == null) {
			return OTHER;
		}
		try {
			return valueOf(text.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new org.acolhida.errors.InvalidInputException(DocumentationProcess.Variables.HOUSEHOLD_SITUATION,
					"'" + text + "' is not one of " + java.util.Arrays.toString(values()));
		}
	}

}
