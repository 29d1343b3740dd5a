package org.acolhida.reception;

import java.time.Clock;
import java.util.Optional;

import org.acolhida.language.ComposedTexts;
import org.acolhida.language.FormValues;
import org.acolhida.language.Words;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.UnitKind;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Finds where a generic referral goes (CREAS for PAEFI, legal aid, health, a partner organisation, the
 * CRAS for the Cadastro Único and the BPC) and when it is next open, so the worker can tell the person.
 * <p>
 * Reads {@code referralKind} (a {@link ReferralKind} name), {@code unitCode} (its municipality) and
 * {@code district}. Looks for the unit of that kind responsible for the district, else one of that
 * kind in the municipality whose staff speak the local language. Writes, into the referral's
 * subprocess instance (which declares them as local inputs), {@code referralKindText} (the kind in
 * words, also when no unit is found, for the form that arranges it by hand),
 * {@code referralUnitCode}, {@code referralUnitName}, {@code referralWhere} (address and contact)
 * and {@code referralNextOpening} (in the case unit's language, in the referral unit's time zone).
 * Raises the BPMN error {@value ReceptionProcess#ERROR_NO_UNIT_FOUND} when the network has no such
 * unit there: a worker then arranges the referral by hand.
 */
@Component("findReferralUnitDelegate")
class FindReferralUnitDelegate implements JavaDelegate {

	private final UnitDirectory units;

	private final ComposedTexts texts;

	private final Clock clock;

	FindReferralUnitDelegate(UnitDirectory units, ComposedTexts texts, Clock clock) {
		this.clock = clock;
		this.units = units;
		this.texts = texts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReferralKind referral = ReferralKind.valueOf(ReceptionProcess.REFERRAL_KIND.from(execution).get());
		UnitKind kind = referral.unitKind();
		ServiceUnit owner = units.unit(UNIT_CODE.from(execution).get());
		Words words = texts.forUnit(execution, owner.getCode());
		execution.setVariable(Variables.REFERRAL_KIND_TEXT, referral.isUnitKind() ? words.word("unitKind", kind)
				: words.word("referralKind", referral));
		String district = FormValues.text(execution.getVariable(Variables.DISTRICT));
		Optional<ServiceUnit> found = district == null ? Optional.empty()
				: units.responsibleUnit(kind, owner.getMunicipality(), district);
		if (found.isEmpty()) {
			String local = "IT".equals(owner.getCountry()) ? "it" : "pt";
			found = units.unitsSpeaking(kind, local).stream()
				.filter(u -> u.getMunicipality().equalsIgnoreCase(owner.getMunicipality()))
				.findFirst();
		}
		ServiceUnit unit = found.orElseThrow(() -> new BpmnError(ReceptionProcess.ERROR_NO_UNIT_FOUND,
				"No " + kind + " in " + owner.getMunicipality() + " for this referral"));
		execution.setVariable(Variables.REFERRAL_UNIT_CODE, unit.getCode());
		execution.setVariable(Variables.REFERRAL_UNIT_NAME, unit.getName());
		execution.setVariable(Variables.REFERRAL_WHERE,
				join(unit.getAddress(), unit.getContact()));
		execution.setVariable(Variables.REFERRAL_NEXT_OPENING,
				words.opening(units.openingAt(unit.getCode(), clock.instant()), unit.getZone()));
	}

	private static String join(String address, String contact) {
		if (address == null) {
			return contact == null ? "" : contact;
		}
		return contact == null ? address : address + " · " + contact;
	}

}
