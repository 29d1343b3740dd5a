package org.acolhida.security;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy without an engine: the rules are plain functions of the password and the user. */
class StaffPasswordPolicyTest {

	final StaffPasswordPolicy policy = new StaffPasswordPolicy();

	boolean accepts(String password) {
		UserEntity davi = new UserEntity("davi");
		davi.setFirstName("Davi");
		davi.setLastName("Rocha");
		davi.setEmail("davi@acolhida.example");
		for (PasswordPolicyRule rule : policy.getRules()) {
			if (!rule.execute(password, davi)) {
				return false;
			}
		}
		return true;
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "demo", "Short1!", "alllowercase1!", "NoDigitsHere!", "NoSpecials123",
			"Davi-Rocha-2026", "Password1!", "P@ssw0rd2024!", "Senha@12345", "Qwerty123!!", "Acolhida#2026",
			"Welcome2Us!", "Aaaaaaaaa1!" })
	void shouldRefuse(String password) {
		assertThat(accepts(password)).as(password).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Rio-Tiete-4821", "Lua-Cheia-7788", "Casa da Ponte 7!", "Welcome to Sorocaba, 2026!" })
	void shouldAccept(String password) {
		assertThat(accepts(password)).as(password).isTrue();
	}

	@Test
	void shouldKeepCamundasRulesAndAddOne() {
		assertThat(policy.getRules()).extracting(PasswordPolicyRule::getPlaceholder)
			.contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_USER_DATA", "PASSWORD_POLICY_NOT_COMMON");
	}

}
