package org.acolhida.housing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.Words;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.staff.Role;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.UnknownUnitException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;
import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Sends the referral: holds the household's beds at the chosen shelter for the configured time
 * ({@code acolhida.housing.hold}), so that nobody else can promise them meanwhile.
 * <p>
 * Reads {@code caseNumber}, {@code unitCode}, {@code chosenShelter}, {@code householdSize}. Writes
 * {@code holdOutcome} (a {@link HoldAttempt.Outcome} name), and when HELD {@code holdId},
 * {@code holdExpiresAt} (the expiry rounded up to the second, for the boundary timer),
 * {@code holdExpiresText} (the same for the shelter's form, in the case unit's words and zone) and
 * {@code shelterName}; otherwise {@code referralProblem}, the reason shown on the next search
 * (no room any more, inactive, not a shelter), in the case unit's words. Raises nothing for those: they are paths of the
 * diagram.
 */
@Component("holdBedsDelegate")
@ProvidesVariables({ Variables.HOLD_OUTCOME, Variables.HOLD_ID, Variables.HOLD_EXPIRES_AT, Variables.HOLD_EXPIRES_TEXT,
		Variables.SHELTER_NAME,
		Variables.REFERRAL_PROBLEM })
class HoldBedsDelegate implements JavaDelegate {

	private final ShelterCapacity capacity;

	private final UnitDirectory units;

	private final ComposedTexts texts;

	HoldBedsDelegate(ShelterCapacity capacity, UnitDirectory units, ComposedTexts texts) {
		this.texts = texts;
		this.capacity = capacity;
		this.units = units;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.from(execution).get();
		String shelter = ReferralActor.text(execution.getVariable(Variables.CHOSEN_SHELTER));
		int beds = HousingReferralProcess.HOUSEHOLD_SIZE.from(execution).get();
		String heldBy = ReferralActor.of(execution, Role.HOUSING.at(UNIT_CODE.from(execution).get()));
		HoldAttempt attempt = capacity.attemptHold(caseNumber, shelter, beds, heldBy, capacity.defaultHoldDuration());
		execution.setVariable(Variables.HOLD_OUTCOME, attempt.outcome().name());
		Words words = texts.forCase(execution);
		if (attempt.held().isPresent()) {
			BedHold hold = attempt.held().get();
			execution.setVariable(Variables.HOLD_ID, hold.id());
			execution.setVariable(Variables.HOLD_EXPIRES_AT, Date.from(roundedUp(hold.expiresAt())));
			execution.setVariable(Variables.HOLD_EXPIRES_TEXT,
					words.dateTime(roundedUp(hold.expiresAt()), units.unit(UNIT_CODE.from(execution).get()).getZone()));
			execution.setVariable(Variables.SHELTER_NAME, units.unit(hold.shelterCode()).getName());
			execution.setVariable(Variables.REFERRAL_PROBLEM, null);
		}
		else {
			execution.setVariable(Variables.REFERRAL_PROBLEM,
					words.text("referralProblem." + attempt.outcome().name(), nameOf(shelter), beds));
		}
	}

	/** The worker chose the shelter by its name; only a code the directory does not know stays a code. */
	private String nameOf(String shelter) {
		try {
			return shelter == null ? "" : units.unit(shelter).getName();
		}
		catch (UnknownUnitException e) {
			return shelter;
		}
	}

	/** The timer has millisecond precision, the hold microseconds: never fire before the hold is due. */
	static Instant roundedUp(Instant instant) {
		Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
		return second.equals(instant) ? second : second.plusSeconds(1);
	}

}
