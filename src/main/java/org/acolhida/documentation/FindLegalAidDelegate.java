package org.acolhida.documentation;

import org.acolhida.language.FormValues;
import java.util.Optional;

import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.UnitKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * After a refusal, finds the legal aid service for the person (e.g. Cremona's Thursday legal desk of
 * Caritas, Sorocaba's public defender) and when it next opens.
 * <p>
 * Reads {@code unitCode} (its municipality) and {@code district}. Looks for the legal aid service
 * responsible for the district, else one in the municipality whose staff speak the local language.
 * Writes, into the trail, {@code legalAidFound}, and when found {@code legalAidCode},
 * {@code legalAidName}, {@code legalAidWhere}, {@code legalAidNextOpening}. Raises nothing: without
 * a legal aid service in the directory the referral task asks the adviser to arrange one by hand.
 */
@Component("findLegalAidDelegate")
@ProvidesVariables({ Variables.LEGAL_AID_FOUND, Variables.LEGAL_AID_CODE, Variables.LEGAL_AID_NAME,
		Variables.LEGAL_AID_WHERE, Variables.LEGAL_AID_NEXT_OPENING })
class FindLegalAidDelegate implements JavaDelegate {

	private final UnitDirectory units;

	private final UnitTexts texts;

	FindLegalAidDelegate(UnitDirectory units, UnitTexts texts) {
		this.units = units;
		this.texts = texts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String ownerCode = UNIT_CODE.from(execution).get();
		ServiceUnit owner = units.unit(ownerCode);
		String district = FormValues.text(execution.getVariable(Variables.DISTRICT));
		Optional<ServiceUnit> found = district == null ? Optional.empty()
				: units.responsibleUnit(UnitKind.LEGAL_AID, owner.getMunicipality(), district);
		if (found.isEmpty()) {
			String local = "IT".equals(owner.getCountry()) ? "it" : "pt";
			found = units.unitsSpeaking(UnitKind.LEGAL_AID, local).stream()
				.filter(u -> u.getMunicipality().equalsIgnoreCase(owner.getMunicipality()))
				.findFirst();
		}
		execution.setVariable(Variables.LEGAL_AID_FOUND, found.isPresent());
		found.ifPresent(unit -> {
			execution.setVariable(Variables.LEGAL_AID_CODE, unit.getCode());
			execution.setVariable(Variables.LEGAL_AID_NAME, unit.getName());
			execution.setVariable(Variables.LEGAL_AID_WHERE, texts.where(unit));
			execution.setVariable(Variables.LEGAL_AID_NEXT_OPENING, texts.nextOpening(unit, execution, ownerCode));
		});
	}

}
