package org.acolhida.cases;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;

import org.acolhida.errors.FieldErrors;
import org.acolhida.errors.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what each qualified listening learnt ({@link ListeningFacts}) in the case file, one row per
 * listening in {@code case_listening}, stamped with the unit that owned the case then and the engine's
 * time. The monthly reports count these rows; nothing else reads them back into a process.
 */
@Service
@Transactional
public class CaseListenings {

	/** Far above any family's income per person: a typo of a few zeros, not a fact to count. */
	static final BigDecimal MOST_INCOME = new BigDecimal("1000000");

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CaseListenings(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a listening of the case; refuses a negative or absurd income with an
	 * {@link org.acolhida.errors.InvalidInputException} on {@code incomePerPerson}, writing nothing.
	 */
	public void record(String caseNumber, ListeningFacts facts) {
		FieldErrors errors = new FieldErrors();
		BigDecimal income = facts.incomePerPerson();
		if (income != null && income.signum() < 0) {
			errors.reject("incomePerPerson", "must not be negative");
		}
		else if (income != null && income.compareTo(MOST_INCOME) >= 0) {
			errors.reject("incomePerPerson", "must be less than " + MOST_INCOME.toPlainString());
		}
		errors.throwIfAny();
		int written = jdbc.update("""
				INSERT INTO case_listening (case_file, unit_code, listened_at, sleeping_rough, protection_concern,
				    trafficking_victim, paif, income_per_person, bolsa_familia, bpc_received, bpc_missing, cad_unico)
				SELECT id, owning_unit, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM case_file WHERE case_number = ?
				""", Timestamp.from(clock.instant()), facts.sleepingRough(), facts.protectionConcern(),
				facts.traffickingVictim(), facts.paif(), income, facts.bolsaFamilia(), facts.bpcReceived(),
				facts.bpcMissing(), facts.cadUnico() == null ? null : facts.cadUnico().name(), caseNumber);
		if (written == 0) {
			throw new NotFoundException("No case with number '" + caseNumber + "'");
		}
	}

}
