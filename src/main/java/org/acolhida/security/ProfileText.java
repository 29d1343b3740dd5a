package org.acolhida.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;

/**
 * A user's first name, last name and e-mail address are shown to other staff in the webapps: they may not
 * carry markup ({@code <}, {@code >}) nor control characters (line breaks, NUL, and the direction
 * overrides that make text read backwards). Checked where the engine saves a user, so that the REST
 * profile update, the Admin webapp and Java code are refused alike, with 400 and nothing stored.
 */
final class ProfileText {

	private ProfileText() {
	}

	static void check(User user) {
		check("first name", user.getFirstName());
		check("last name", user.getLastName());
		check("e-mail", user.getEmail());
	}

	private static void check(String field, String value) {
		if (value != null && !isPlain(value)) {
			throw new BadUserRequestException(
					"The user's " + field + " must not contain '<', '>' or control characters");
		}
	}

	static boolean isPlain(String value) {
		return value.codePoints().noneMatch(ProfileText::isRefused);
	}

	private static boolean isRefused(int c) {
		return c == '<' || c == '>' || Character.isISOControl(c) || c == 0x2028 || c == 0x2029
				|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

}
