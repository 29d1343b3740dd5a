package org.acolhida.reception;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.CaseListenings;
import org.acolhida.cases.ListeningFacts;
import org.acolhida.cases.ListeningFacts.CadUnico;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.language.FormMessages;
import org.acolhida.language.FormValues;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/**
 * Keeps what the qualified listening learnt in the case file ({@link CaseListenings}), right after the
 * worker completes it and in the same transaction: a refused answer leaves the task open and nothing
 * written.
 * <p>
 * Reads the case from the business key and its unit from the case file (not {@code caseNumber} and
 * {@code unitCode}, which a hostile completion may overwrite), {@code sleepingRoughTonight}, {@code protectionConcern}
 * and, at a Brazilian unit only (an Italian desk's form does not ask them), the social-assistance facts:
 * {@code traffickingVictim}, {@code paif}, {@code incomePerPerson}, {@code bolsaFamilia},
 * {@code bpcReceived}, {@code bpcMissing}, {@code cadUnico}. These arrive as transient variables
 * (cases.CaseFileFormFields); whatever way they came, they are removed here, so no process variable
 * keeps them. For the triage that follows in this transaction it writes {@code cadUnicoStatus} and
 * {@code lacksBpc} as transient variables, always present (null and false where not asked): under
 * names of their own, as a variable removed in a transaction cannot come back transient in it.
 * Raises {@link org.acolhida.language.InvalidFormException} on an income that is not a number, is
 * negative or absurd, or a Cadastro Único answer that is not one of the form's options.
 */
@Component("recordListeningDelegate")
@ProvidesVariables({ Variables.CAD_UNICO_STATUS, Variables.LACKS_BPC })
class RecordListeningDelegate implements JavaDelegate {

	private static final List<String> FACTS = List.of(Variables.TRAFFICKING_VICTIM, Variables.PAIF,
			Variables.INCOME_PER_PERSON, Variables.BOLSA_FAMILIA, Variables.BPC_RECEIVED, Variables.BPC_MISSING,
			Variables.CAD_UNICO);

	private final CaseListenings listenings;

	private final CaseFiles cases;

	private final UnitDirectory units;

	private final FormMessages messages;

	RecordListeningDelegate(CaseListenings listenings, CaseFiles cases, UnitDirectory units, FormMessages messages) {
		this.listenings = listenings;
		this.cases = cases;
		this.units = units;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// The business key, not the variables a completion may overwrite, names the case; its file, its unit.
		String caseNumber = execution.getProcessBusinessKey();
		String unitCode = cases.summary(caseNumber).getOwningUnit();
		boolean brazil = "BR".equals(units.unit(unitCode).getCountry());
		ListeningFacts facts;
		try {
			facts = new ListeningFacts(FormValues.flag(execution.getVariable(Variables.SLEEPING_ROUGH_TONIGHT)),
					FormValues.flag(execution.getVariable(Variables.PROTECTION_CONCERN)),
					brazil ? flag(execution, Variables.TRAFFICKING_VICTIM) : null, brazil ? flag(execution, Variables.PAIF) : null,
					brazil ? money(execution.getVariable(Variables.INCOME_PER_PERSON)) : null,
					brazil ? flag(execution, Variables.BOLSA_FAMILIA) : null, brazil ? flag(execution, Variables.BPC_RECEIVED) : null,
					brazil ? flag(execution, Variables.BPC_MISSING) : null,
					brazil ? cadUnico(execution.getVariable(Variables.CAD_UNICO)) : null);
			listenings.record(caseNumber, facts);
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, unitCode);
		}
		execution.removeVariables(FACTS);
		execution.setVariable(Variables.CAD_UNICO_STATUS, org.camunda.bpm.engine.variable.Variables
			.stringValue(facts.cadUnico() == null ? null : facts.cadUnico().name(), true));
		execution.setVariable(Variables.LACKS_BPC,
				org.camunda.bpm.engine.variable.Variables.booleanValue(Boolean.TRUE.equals(facts.bpcMissing()), true));
	}

	private static Boolean flag(DelegateExecution execution, String name) {
		return FormValues.flag(execution.getVariable(name));
	}

	/** Reais as a form's number field sends them (a number), or as text from another client. */
	static BigDecimal money(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Number number) {
			try {
				return new BigDecimal(number.toString());
			}
			catch (NumberFormatException e) {
				// NaN, infinity
				throw new InvalidInputException(Variables.INCOME_PER_PERSON, "is not a number");
			}
		}
		String text = FormValues.text(value);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(',', '.'));
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(Variables.INCOME_PER_PERSON, "is not a number");
		}
	}

	static CadUnico cadUnico(Object value) {
		String text = FormValues.text(value);
		if (text == null) {
			return null;
		}
		try {
			return CadUnico.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(Variables.CAD_UNICO, "'" + text + "' is not one of "
					+ Arrays.toString(CadUnico.values()));
		}
	}

}
