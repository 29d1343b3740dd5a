package org.acolhida.variables;

import static org.acolhida.variables.ProcessVariable.stringVariable;

/**
 * The variables every process of a case carries, declared once: each process backing class refers to
 * these instead of naming them again. Task names, candidate groups and forms read them.
 */
public final class CaseVariables {

	/** Names for annotations and variable maps, where a constant string is needed. */
	public static final String CASE_NUMBER_NAME = "caseNumber";

	public static final String UNIT_CODE_NAME = "unitCode";

	public static final String PERSON_NAME_NAME = "personName";

	/** The case number, e.g. SOR-2026-000001: also the business key of every instance of the case. */
	public static final ProcessVariable<String> CASE_NUMBER = stringVariable(CASE_NUMBER_NAME);

	/** Code of the unit that owns the case; candidate groups are {@code <role>.${unitCode}}. */
	public static final ProcessVariable<String> UNIT_CODE = stringVariable(UNIT_CODE_NAME);

	/** The reference person's name (in a trail or a learner's scope, whom it is for), shown in task names. */
	public static final ProcessVariable<String> PERSON_NAME = stringVariable(PERSON_NAME_NAME);

	private CaseVariables() {
	}

}
