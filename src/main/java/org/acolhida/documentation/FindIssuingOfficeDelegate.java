package org.acolhida.documentation;

import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.units.DocumentType;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Finds the office that issues the trail's document for people living in the municipality of the
 * case's unit, and when it next opens.
 * <p>
 * Reads {@code documentType} and {@code unitCode}. Writes, into the trail, {@code officeCode},
 * {@code officeName}, {@code officeWhere} (address and contact) and {@code officeNextOpening} (text
 * in the adviser's language and the office's time zone, "-" if none is known). Raises the BPMN
 * error {@value DocumentationProcess#ERROR_NO_OFFICE_FOUND} when the directory has no such office
 * there: the adviser then finds it by hand.
 */
@Component("findIssuingOfficeDelegate")
@ProvidesVariables({ Variables.OFFICE_CODE, Variables.OFFICE_NAME, Variables.OFFICE_WHERE,
		Variables.OFFICE_NEXT_OPENING })
class FindIssuingOfficeDelegate implements JavaDelegate {

	private final UnitDirectory units;

	private final UnitTexts texts;

	FindIssuingOfficeDelegate(UnitDirectory units, UnitTexts texts) {
		this.units = units;
		this.texts = texts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DocumentType type = DocumentType.valueOf(DocumentationProcess.DOCUMENT_TYPE.from(execution).get());
		String ownerCode = UNIT_CODE.from(execution).get();
		String municipality = units.unit(ownerCode).getMunicipality();
		ServiceUnit office = units.officeFor(type, municipality)
			.orElseThrow(() -> new BpmnError(DocumentationProcess.ERROR_NO_OFFICE_FOUND,
					"No office issues " + type + " in " + municipality));
		execution.setVariable(Variables.OFFICE_CODE, office.getCode());
		execution.setVariable(Variables.OFFICE_NAME, office.getName());
		execution.setVariable(Variables.OFFICE_WHERE, texts.where(office));
		execution.setVariable(Variables.OFFICE_NEXT_OPENING, texts.nextOpening(office, execution, ownerCode));
	}

}
