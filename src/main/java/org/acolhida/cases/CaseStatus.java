package org.acolhida.cases;

/** Whether a case is being worked. A closed case can be reopened by a follow-up interview. */
public enum CaseStatus {
	OPEN, CLOSED
}
