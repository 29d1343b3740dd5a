package org.acolhida.reception;

import org.acolhida.cases.CaseFiles;
import org.acolhida.errors.NotFoundException;
import org.acolhida.expressions.ExposedToProtocols;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The country of the case's unit ({@code ${unitCountry.of(execution)}}), for a form that asks other
 * questions in one country than in another: the listening asks Brazil's social-assistance facts only
 * at a Brazilian unit. Given to the task as a local input, so it lasts as long as the task and follows
 * a transfer; it is no personal data. The case is the business key and its unit the case file's, not
 * the {@code unitCode} variable that a completion could have overwritten.
 */
@ExposedToProtocols
@Component("unitCountry")
public class UnitCountry {

	private final CaseFiles cases;

	private final UnitDirectory units;

	UnitCountry(CaseFiles cases, UnitDirectory units) {
		this.cases = cases;
		this.units = units;
	}

	/** {@code BR}, {@code IT}, ...; {@code null} for an instance that names no case. */
	public String of(DelegateExecution execution) {
		String caseNumber = execution.getProcessBusinessKey();
		if (caseNumber == null) {
			return null;
		}
		try {
			return units.unit(cases.summary(caseNumber).getOwningUnit()).getCountry();
		}
		catch (NotFoundException e) {
			return null;
		}
	}

}
