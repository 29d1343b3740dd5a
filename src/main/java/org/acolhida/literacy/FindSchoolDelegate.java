package org.acolhida.literacy;

import java.util.Optional;

import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.UnitKind;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Finds the municipal school responsible for a school-age child's district.
 * <p>
 * Reads {@code unitCode} (its municipality), {@code learnerDistrict} (the placement's, by default
 * the case's district) and what the placement says of the child's schooling ({@code schoolingSoFar},
 * {@code lastSchoolYear}: refused as a form, in the worker's language, when missing or unknown, see
 * {@link Placements#checkSchooling}). Writes {@code schoolUnitCode}, {@code schoolName} and {@code schoolWhere}
 * (address and contact). Raises the BPMN error {@value LiteracyEnrollmentProcess#ERROR_NO_SCHOOL_FOUND}
 * when the directory has no school serving that district (or no district is known): a worker then
 * finds a school by hand.
 */
@Component("findSchoolDelegate")
@ProvidesVariables({ Variables.SCHOOL_UNIT_CODE, Variables.SCHOOL_NAME, Variables.SCHOOL_WHERE })
class FindSchoolDelegate implements JavaDelegate {

	private final UnitDirectory units;

	private final Placements placements;

	FindSchoolDelegate(UnitDirectory units, Placements placements) {
		this.units = units;
		this.placements = placements;
	}

	@Override
	public void execute(DelegateExecution execution) {
		placements.checkSchooling(execution);
		ServiceUnit owner = units.unit(UNIT_CODE.from(execution).get());
		String district = Placements.text(execution.getVariable(Variables.LEARNER_DISTRICT));
		Optional<ServiceUnit> school = district == null ? Optional.empty()
				: units.responsibleUnit(UnitKind.SCHOOL, owner.getMunicipality(), district);
		ServiceUnit found = school.orElseThrow(() -> new BpmnError(LiteracyEnrollmentProcess.ERROR_NO_SCHOOL_FOUND,
				"No school in " + owner.getMunicipality() + " serves district " + district));
		execution.setVariable(Variables.SCHOOL_UNIT_CODE, found.getCode());
		execution.setVariable(Variables.SCHOOL_NAME, found.getName());
		String where = found.getAddress() == null ? "" : found.getAddress();
		if (found.getContact() != null) {
			where = where.isEmpty() ? found.getContact() : where + " · " + found.getContact();
		}
		execution.setVariable(Variables.SCHOOL_WHERE, where);
	}

}
