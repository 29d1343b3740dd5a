package org.acolhida.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;

/**
 * Camunda's built-in policy (at least 10 characters with a lower-case and an upper-case letter, a digit
 * and a special character; not the login, names or e-mail) and one rule more: not a password that
 * everybody tries first, however decorated with digits, symbols and look-alike characters.
 */
final class StaffPasswordPolicy implements PasswordPolicy {

	/** What a refused password is told, in the words a person choosing one understands. */
	static final String DESCRIPTION = "Password does not match policy: it needs at least "
			+ DefaultPasswordPolicyImpl.MIN_LENGTH + " characters with a lower-case letter, an upper-case letter, "
			+ "a digit and a special character, must not contain the login, the name or the e-mail address, "
			+ "and must not be a commonly used password";

	private final List<PasswordPolicyRule> rules;

	StaffPasswordPolicy() {
		List<PasswordPolicyRule> all = new ArrayList<>(new DefaultPasswordPolicyImpl().getRules());
		all.add(new NotCommon());
		this.rules = List.copyOf(all);
	}

	@Override
	public List<PasswordPolicyRule> getRules() {
		return rules;
	}

	/**
	 * The letters of the password, read also with look-alike digits and symbols as letters (p@ssw0rd),
	 * and with up to three characters appended: none may be a common password. A passphrase that merely
	 * contains such a word is fine.
	 */
	static final class NotCommon implements PasswordPolicyRule {

		static final String PLACEHOLDER = "PASSWORD_POLICY_NOT_COMMON";

		/** Letters only, lower case: what is left of a decorated common password. */
		private static final Set<String> COMMON = Set.of("password", "passwort", "passwd", "senha", "minhasenha",
				"contrasena", "motdepasse", "parola", "parolachiave", "qwerty", "qwertyuiop", "qwertz", "azerty",
				"asdf", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "abc", "abcd", "abcde", "abcdef", "abcdefg",
				"abcdefgh", "letmein", "welcome", "bemvindo", "benvenuto", "bienvenido", "admin", "administrator",
				"administrador", "amministratore", "root", "login", "user", "usuario", "utente", "acolhida",
				"camunda", "demo", "test", "teste", "secret", "segredo", "segreto", "changeme", "mudar", "trocar",
				"iloveyou", "teamo", "tiamo", "monkey", "dragon", "master", "football", "futebol", "calcio",
				"brasil", "brazil", "italia", "italy", "sorocaba", "cremona", "aracaju", "americana", "summer",
				"winter", "spring", "autumn", "verao", "inverno", "primavera", "estate", "sunshine", "princess",
				"trustno", "superman", "batman", "starwars", "shadow", "baseball", "qazwsx", "flamengo",
				"corinthians", "palmeiras", "juventus", "milan", "inter", "deus", "jesus", "amor", "amore");

		@Override
		public String getPlaceholder() {
			return PLACEHOLDER;
		}

		@Override
		public Map<String, String> getParameters() {
			return null;
		}

		@Override
		public boolean execute(String candidatePassword) {
			return !isCommon(candidatePassword);
		}

		static boolean isCommon(String password) {
			if (password == null) {
				return false;
			}
			String lower = password.toLowerCase(Locale.ROOT);
			String letters = letters(lower);
			String lookAlikes = letters(lookAlikes(lower));
			if (letters.isEmpty() || letters.chars().distinct().count() == 1) {
				return true;
			}
			for (int cut = 0; cut <= 3; cut++) {
				if (COMMON.contains(trimmed(letters, cut)) || COMMON.contains(trimmed(lookAlikes, cut))) {
					return true;
				}
			}
			return false;
		}

		private static String trimmed(String text, int cut) {
			return text.length() > cut ? text.substring(0, text.length() - cut) : "";
		}

		private static String letters(String text) {
			return text.codePoints()
				.filter(Character::isLetter)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
		}

		private static String lookAlikes(String text) {
			return text.replace('0', 'o')
				.replace('1', 'i')
				.replace('3', 'e')
				.replace('4', 'a')
				.replace('5', 's')
				.replace('7', 't')
				.replace('@', 'a')
				.replace('$', 's')
				.replace('!', 'i');
		}

	}

}
