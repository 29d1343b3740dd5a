package org.acolhida.reception;

import org.acolhida.variables.CaseVariables;
import org.acolhida.variables.ProcessVariable;

import static org.acolhida.variables.ProcessVariable.booleanVariable;
import static org.acolhida.variables.ProcessVariable.stringVariable;

/**
 * The {@code reception} process ({@code processes/reception.bpmn}): from the start form at the desk
 * to triage, referrals and the follow-up interview. Its element ids and variable names are the
 * contract with tests, forms, decision tables and the processes it calls. The business key of
 * every instance is the case number.
 */
public final class ReceptionProcess {

	public static final String KEY = "reception";

	/** The decision table of the triage ({@code processes/reception-triage.dmn}). */
	public static final String TRIAGE_DECISION = "reception-triage";

	/** The referral processes this one calls; each gets the case number as business key. */
	public static final String DOCUMENTATION_GUIDANCE = "documentation-guidance";

	public static final String HOUSING_REFERRAL = "housing-referral";

	public static final String LITERACY_ENROLLMENT = "literacy-enrollment";

	/** The BPMN error a lookup raises when no unit of the network can take a referral. */
	public static final String ERROR_NO_UNIT_FOUND = "NO_UNIT_FOUND";

	/** The triage's priority (see {@link Variables#PRIORITY}). */
	public static final ProcessVariable<String> PRIORITY = stringVariable(Variables.PRIORITY);

	/** A {@link ReferralKind} name: what a generic referral is for, and so which kind of unit takes it. */
	public static final ProcessVariable<String> REFERRAL_KIND = stringVariable(Variables.REFERRAL_KIND);

	public static final ProcessVariable<String> REFERRAL_UNIT_CODE = stringVariable(Variables.REFERRAL_UNIT_CODE);

	public static final ProcessVariable<String> REFERRAL_UNIT_NAME = stringVariable(Variables.REFERRAL_UNIT_NAME);

	public static final ProcessVariable<String> REFERRAL_WHERE = stringVariable(Variables.REFERRAL_WHERE);

	public static final ProcessVariable<String> REFERRAL_NEXT_OPENING = stringVariable(Variables.REFERRAL_NEXT_OPENING);

	public static final ProcessVariable<Boolean> INTERPRETER_NEEDED = booleanVariable(Variables.INTERPRETER_NEEDED);

	public static final ProcessVariable<String> DISTRICT = stringVariable(Variables.DISTRICT);

	public static final ProcessVariable<Boolean> CHILDREN_IN_HOUSEHOLD = booleanVariable(Variables.CHILDREN_IN_HOUSEHOLD);

	public static final ProcessVariable<Boolean> DUPLICATE_FOUND = booleanVariable(Variables.DUPLICATE_FOUND);

	private ReceptionProcess() {
	}

	/** Element ids of the diagram. */
	public static final class Elements {

		public static final String START = "start_reception";

		public static final String OPEN_CASE = "service_open_case";

		public static final String CHECK_DUPLICATES = "service_check_duplicates";

		public static final String GW_DUPLICATE_FOUND = "gw_duplicate_found";

		public static final String RESOLVE_DUPLICATE = "task_resolve_duplicate";

		public static final String GW_LINK_TO_EXISTING = "gw_link_to_existing";

		public static final String LINK_CASE = "service_link_case";

		public static final String GW_CASE_READY = "gw_case_ready";

		public static final String REGISTER_HOUSEHOLD = "task_register_household";

		public static final String SAVE_HOUSEHOLD = "service_save_household";

		public static final String GW_LISTENING = "gw_listening";

		public static final String QUALIFIED_LISTENING = "task_qualified_listening";

		public static final String RECORD_LISTENING = "service_record_listening";

		public static final String TRIAGE = "rule_triage";

		public static final String GW_REFERRALS = "gw_referrals";

		public static final String CALL_DOCUMENTATION = "call_documentation_guidance";

		public static final String CALL_HOUSING = "call_housing_referral";

		public static final String CALL_LITERACY = "call_literacy_enrollment";

		public static final String GENERIC_REFERRALS = "subprocess_generic_referral";

		public static final String FIND_REFERRAL_UNIT = "service_find_referral_unit";

		public static final String RECORD_REFERRAL_OUTCOME = "task_record_referral_outcome";

		public static final String NO_UNIT_FOUND = "error_no_unit_found";

		public static final String ARRANGE_REFERRAL = "task_arrange_referral";

		public static final String GW_REFERRALS_DONE = "gw_referrals_done";

		public static final String FOLLOW_UP_TIMER = "timer_follow_up";

		public static final String FOLLOW_UP_INTERVIEW = "task_follow_up_interview";

		public static final String GW_FOLLOW_UP = "gw_follow_up_decision";

		public static final String CLOSE_CASE = "service_close_case";

		public static final String REOPEN_CASE = "service_reopen_case";

		public static final String END_CLOSED = "end_case_closed";

		private Elements() {
		}

	}

	/** Process variable names. */
	public static final class Variables {

		// set at the start (start form or ReceptionService)
		public static final String CASE_NUMBER = CaseVariables.CASE_NUMBER_NAME;

		/** Code of the unit that owns the case; candidate groups are {@code <role>.${unitCode}}. */
		public static final String UNIT_CODE = CaseVariables.UNIT_CODE_NAME;

		/** The reference person's name, shown in task names and forms. */
		public static final String PERSON_NAME = CaseVariables.PERSON_NAME_NAME;

		public static final String INITIATOR = "initiator";

		public static final String DISTRICT = "district";

		public static final String INTERPRETER_NEEDED = "interpreterNeeded";

		// start form fields, removed once the case file holds them
		public static final String GIVEN_NAME = "givenName";

		public static final String FAMILY_NAME = "familyName";

		public static final String BIRTH_DATE = "birthDate";

		public static final String NATIONALITY = "nationality";

		public static final String LANGUAGES = "languages";

		public static final String DOCUMENT_TYPE = "documentType";

		public static final String DOCUMENT_NUMBER = "documentNumber";

		// duplicate check
		public static final String DUPLICATE_FOUND = "duplicateFound";

		/** JSON list of case numbers that may be the same household. */
		public static final String DUPLICATE_CANDIDATES = "duplicateCandidates";

		/** {@code LINK} or {@code NEW}. */
		public static final String DUPLICATE_DECISION = "duplicateDecision";

		public static final String LINKED_CASE_NUMBER = "linkedCaseNumber";

		// household
		/** JSON list of {relation, givenName, familyName, birthDate, nationality, languages, documentType, documentNumber}. */
		public static final String HOUSEHOLD_MEMBERS = "householdMembers";

		// qualified listening: names fixed by the issue, read by decision tables and integrations
		public static final String NEEDS_DOCUMENTATION = "needsDocumentation";

		public static final String NEEDS_HOUSING = "needsHousing";

		public static final String NEEDS_LITERACY = "needsLiteracy";

		public static final String NEEDS_LEGAL_AID = "needsLegalAid";

		public static final String NEEDS_HEALTH = "needsHealth";

		public static final String SLEEPING_ROUGH_TONIGHT = "sleepingRoughTonight";

		public static final String CHILDREN_IN_HOUSEHOLD = "childrenInHousehold";

		public static final String PROTECTION_CONCERN = "protectionConcern";

		public static final String CONSENT_TO_SHARE = "consentToShare";

		public static final String LISTENING_NOTES = "listeningNotes";

		// qualified listening, Brazilian units only: the facts the RMA counts. Transient (see
		// cases.CaseFileFormFields): recordListeningDelegate keeps them in the case file.
		/** {@code BR}, {@code IT}: the country of the case's unit, local to the listening task, for its form. */
		public static final String UNIT_COUNTRY = "unitCountry";

		public static final String TRAFFICKING_VICTIM = "traffickingVictim";

		public static final String PAIF = "paif";

		public static final String INCOME_PER_PERSON = "incomePerPerson";

		public static final String BOLSA_FAMILIA = "bolsaFamilia";

		public static final String BPC_RECEIVED = "bpcReceived";

		/** An elderly or disabled member without BPC. */
		public static final String BPC_MISSING = "bpcMissing";

		/** {@code NOT_REGISTERED}, {@code OUTDATED}, {@code UP_TO_DATE}. */
		public static final String CAD_UNICO = "cadUnico";

		// what the triage reads of those facts, transient, from recordListeningDelegate
		/** The Cadastro Único answer, or null where not asked. */
		public static final String CAD_UNICO_STATUS = "cadUnicoStatus";

		/** Whether an elderly or disabled member lacks the BPC (false where not asked). */
		public static final String LACKS_BPC = "lacksBpc";

		// triage (outputs of reception-triage)
		/** {@code IMMEDIATE}, {@code HIGH} or {@code NORMAL}. */
		public static final String PRIORITY = "priority";

		public static final String REFER_DOCUMENTATION = "referDocumentation";

		public static final String REFER_HOUSING = "referHousing";

		public static final String REFER_LITERACY = "referLiteracy";

		public static final String REFER_CREAS = "referCreas";

		public static final String REFER_LEGAL_AID = "referLegalAid";

		public static final String REFER_HEALTH = "referHealth";

		/** Housing tonight: the person sleeps rough. Passed to {@code housing-referral}. */
		public static final String IMMEDIATE_HOUSING = "immediateHousing";

		/** The CRAS of the district includes the family in the Cadastro Único. */
		public static final String REFER_CAD_UNICO_INCLUSION = "referCadUnicoInclusion";

		/** The CRAS of the district updates the family's Cadastro Único registration. */
		public static final String REFER_CAD_UNICO_UPDATE = "referCadUnicoUpdate";

		/** The CRAS of the district helps an elderly or disabled member apply for the BPC. */
		public static final String REFER_BPC = "referBpc";

		// generic referral (local to each instance of the multi-instance subprocess)
		/** A {@link ReferralKind} name: CREAS, LEGAL_AID, HEALTH, CADUNICO_INCLUSION, CADUNICO_UPDATE, BPC. */
		public static final String REFERRAL_KIND = "referralKind";

		public static final String REFERRAL_UNIT_CODE = "referralUnitCode";

		public static final String REFERRAL_UNIT_NAME = "referralUnitName";

		public static final String REFERRAL_WHERE = "referralWhere";

		public static final String REFERRAL_NEXT_OPENING = "referralNextOpening";

		/** The kind of unit a referral goes to, in words of the case unit's language. */
		public static final String REFERRAL_KIND_TEXT = "referralKindText";

		/** {@code REFERRED}, {@code DECLINED}, {@code NOT_REACHED}, {@code ARRANGED_OUTSIDE}. */
		public static final String REFERRAL_OUTCOME = "referralOutcome";

		public static final String REFERRAL_NOTES = "referralNotes";

		// follow-up
		/** {@code CLOSE} or {@code REOPEN}. */
		public static final String FOLLOW_UP_DECISION = "followUpDecision";

		public static final String FOLLOW_UP_NOTES = "followUpNotes";

		private Variables() {
		}

	}

}
