package org.acolhida.reception;

import org.acolhida.expressions.ExposedToProtocols;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * The country of the case's unit ({@code ${unitCountry.of(execution)}}), for a form that asks other
 * questions in one country than in another: the listening asks Brazil's social-assistance facts only
 * at a Brazilian unit. Given to the task as a local input, so it lasts as long as the task and follows
 * a transfer; it is no personal data.
 */
@ExposedToProtocols
@Component("unitCountry")
public class UnitCountry {

	private final UnitDirectory units;

	UnitCountry(UnitDirectory units) {
		this.units = units;
	}

	/** {@code BR}, {@code IT}, ...; {@code null} before a case has a unit. */
	public String of(VariableScope scope) {
		String unit = UNIT_CODE.from(scope).getOrNull();
		return unit == null ? null : units.unit(unit).getCountry();
	}

}
