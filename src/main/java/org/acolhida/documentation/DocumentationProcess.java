package org.acolhida.documentation;

import org.acolhida.variables.CaseVariables;
import org.acolhida.variables.ProcessVariable;

import static org.acolhida.variables.ProcessVariable.intVariable;
import static org.acolhida.variables.ProcessVariable.stringVariable;

/**
 * The {@code documentation-guidance} process ({@code processes/documentation-guidance.bpmn}): which
 * documents a household needs, then one trail per document (checklist, issuing office, orientation,
 * papers, appointment, outcome), and the renewal reminder of what was issued. Its element ids and
 * variable names are the contract with tests, forms and the checklist decision table. The business
 * key of every instance is the case number.
 * <p>
 * Two kinds of instance run this diagram: the guidance itself (from reception's call activity, from
 * Tasklist or {@link DocumentationService#start}) and, for every issued document that expires, a
 * renewal instance started by message that waits on a timer until the renewal is due. Reception
 * therefore never waits for a renewal years away.
 */
public final class DocumentationProcess {

	public static final String KEY = "documentation-guidance";

	/** The checklist ({@code processes/documentation-checklist.dmn}). */
	public static final String CHECKLIST_DECISION = "documentation-checklist";

	/** Message that starts a renewal instance (see {@link DocumentationService#scheduleRenewal}). */
	public static final String RENEWAL_MESSAGE = "documentation-renewal-due";

	/** BPMN error: the directory has no office issuing the document in the person's municipality. */
	public static final String ERROR_NO_OFFICE_FOUND = "NO_OFFICE_FOUND";

	/** A {@link org.acolhida.units.DocumentType} name: the document of a trail. */
	public static final ProcessVariable<String> DOCUMENT_TYPE = stringVariable(Variables.DOCUMENT_TYPE);

	public static final ProcessVariable<String> DOCUMENT_REQUEST = stringVariable(Variables.DOCUMENT_REQUEST);

	public static final ProcessVariable<String> DOCUMENT_REQUESTS = stringVariable(Variables.DOCUMENT_REQUESTS);

	public static final ProcessVariable<Integer> MEMBER_NO = intVariable(Variables.MEMBER_NO);

	private DocumentationProcess() {
	}

	/** Element ids of the diagram. */
	public static final class Elements {

		public static final String START = "start_documentation_guidance";

		public static final String START_RENEWAL = "start_renewal_due";

		public static final String RENEWAL_TIMER = "timer_renewal_due";

		public static final String LOAD_CASE = "service_load_case";

		public static final String GW_RENEWAL = "gw_renewal";

		public static final String RENEWAL_REMINDER = "task_renewal_reminder";

		public static final String GW_RENEWAL_DECISION = "gw_renewal_decision";

		public static final String END_RENEWAL_NOT_NEEDED = "end_renewal_not_needed";

		public static final String CHOOSE_DOCUMENTS = "task_choose_documents";

		public static final String SAVE_CHOICE = "service_save_choice";

		public static final String GW_ANY_DOCUMENTS = "gw_any_documents";

		public static final String END_NO_DOCUMENTS = "end_no_documents";

		public static final String DOCUMENT_TRAIL = "subprocess_document_trail";

		public static final String END_DONE = "end_documentation_done";

		// inside the document trail (one per chosen document)
		public static final String OPEN_TRAIL = "service_open_trail";

		public static final String CHECKLIST = "rule_checklist";

		public static final String FIND_OFFICE = "service_find_office";

		public static final String NO_OFFICE_FOUND = "error_no_office_found";

		public static final String ARRANGE_OFFICE = "task_arrange_office";

		public static final String ORIENTATION = "task_orientation";

		public static final String GW_PAPERS_COMPLETE = "gw_papers_complete";

		public static final String HELP_GATHER = "task_help_gather";

		public static final String GATHER_FOLLOW_UP = "timer_gather_follow_up";

		public static final String SCHEDULE_APPOINTMENT = "task_schedule_appointment";

		public static final String PLAN_APPOINTMENT = "service_plan_appointment";

		public static final String REMINDER_TIMER = "timer_reminder";

		public static final String CONFIRM_ATTENDANCE = "task_confirm_attendance";

		public static final String APPOINTMENT_STARTED = "timer_appointment_started";

		public static final String GW_ATTENDANCE = "gw_attendance";

		public static final String OUTCOME_TIMER = "timer_outcome_due";

		public static final String RECORD_OUTCOME = "task_record_outcome";

		public static final String GW_OUTCOME = "gw_outcome";

		public static final String RECORD_ISSUED = "service_record_issued";

		public static final String END_ISSUED = "end_issued";

		public static final String FIND_LEGAL_AID = "service_find_legal_aid";

		public static final String REFER_LEGAL_AID = "task_refer_legal_aid";

		public static final String END_REFUSED = "end_refused";

		public static final String RECORD_NO_SHOW = "service_record_no_show";

		public static final String GW_NO_SHOWS = "gw_no_shows";

		public static final String COORDINATOR_NO_SHOWS = "task_coordinator_no_shows";

		public static final String GW_COORDINATOR = "gw_coordinator_decision";

		public static final String END_GIVEN_UP = "end_given_up";

		private Elements() {
		}

	}

	/** Process variable names. */
	public static final class Variables {

		// received from reception's call activity (or set by DocumentationService / the start form)
		public static final String CASE_NUMBER = CaseVariables.CASE_NUMBER_NAME;

		/** The unit owning the case; tasks go to {@code documentation.${unitCode}}. */
		public static final String UNIT_CODE = CaseVariables.UNIT_CODE_NAME;

		/** In the process: the reference person; inside a trail: the member and the document. */
		public static final String PERSON_NAME = CaseVariables.PERSON_NAME_NAME;

		public static final String DISTRICT = "district";

		public static final String INITIATOR = "initiator";

		// choice of documents
		/** Options of the choice form: JSON list of {label, value} with value {@code TYPE:memberNo}. */
		public static final String DOCUMENT_OPTIONS = "documentOptions";

		/** What the adviser ticked: a list of {@code TYPE:memberNo}. */
		public static final String CHOSEN_DOCUMENTS = "chosenDocuments";

		/** A {@link Situation} name for the household, as the adviser judged it. */
		public static final String HOUSEHOLD_SITUATION = "householdSituation";

		/** The document requests, comma separated {@code TYPE:memberNo}: one trail each. */
		public static final String DOCUMENT_REQUESTS = "documentRequests";

		// renewal instances
		/** True in an instance started for a renewal. */
		public static final String RENEWAL = "renewal";

		public static final String RENEWAL_DUE_AT = "renewalDueAt";

		public static final String RENEWAL_EXPIRES_ON = "renewalExpiresOn";

		public static final String RENEWAL_DOCUMENT_NUMBER = "renewalDocumentNumber";

		/** {@code RENEW} or {@code NOT_NEEDED}. */
		public static final String RENEWAL_DECISION = "renewalDecision";

		// one document trail (local to each instance of the multi-instance subprocess)
		/** The element of {@link #DOCUMENT_REQUESTS} this trail is for, {@code TYPE:memberNo}. */
		public static final String DOCUMENT_REQUEST = "documentRequest";

		public static final String DOCUMENT_TYPE = "documentType";

		public static final String MEMBER_NO = "memberNo";

		public static final String MEMBER_NAME = "memberName";

		/** The {@link Situation} that applies to this member and document. */
		public static final String SITUATION = "situation";

		/** The document's name as the forms show it, in the case unit's language. */
		public static final String DOCUMENT_TYPE_TEXT = "documentTypeText";

		/** The situation in words, in the case unit's language. */
		public static final String SITUATION_TEXT = "situationText";

		/** Country of the issuing offices (BR, IT). */
		public static final String COUNTRY = "country";

		// checklist (outputs of documentation-checklist)
		public static final String CHECKLIST = "checklist";

		public static final String PAPERS_TO_BRING = "papersToBring";

		public static final String OFFICE_KIND = "officeKind";

		public static final String FEE = "fee";

		public static final String FEE_WAIVED = "feeWaived";

		/** Which rule of the checklist matched: the key of its papers and fee in other languages. */
		public static final String CHECKLIST_RULE = "checklistRule";

		/** The kind of issuing office in words, in the case unit's language. */
		public static final String OFFICE_KIND_TEXT = "officeKindText";

		// issuing office
		public static final String OFFICE_CODE = "officeCode";

		public static final String OFFICE_NAME = "officeName";

		public static final String OFFICE_WHERE = "officeWhere";

		public static final String OFFICE_NEXT_OPENING = "officeNextOpening";

		// orientation and papers
		public static final String PAPERS_COMPLETE = "papersComplete";

		public static final String MISSING_PAPERS = "missingPapers";

		public static final String GATHER_NOTES = "gatherNotes";

		// appointment
		public static final String APPOINTMENT_DATE = "appointmentDate";

		public static final String APPOINTMENT_TIME = "appointmentTime";

		public static final String APPOINTMENT_AT = "appointmentAt";

		/** The appointment's day and time as the forms show it, in the case unit's language. */
		public static final String APPOINTMENT_TEXT = "appointmentText";

		public static final String REMINDER_AT = "reminderAt";

		public static final String OUTCOME_DUE_AT = "outcomeDueAt";

		/** {@code CONFIRMED} or {@code CANCELLED}. */
		public static final String ATTENDANCE = "attendance";

		// outcome
		/** {@code ISSUED}, {@code PENDING}, {@code REFUSED} or {@code NO_SHOW}. */
		public static final String OUTCOME = "outcome";

		public static final String DOCUMENT_NUMBER = "documentNumber";

		public static final String EXPIRY_DATE = "expiryDate";

		public static final String REFUSAL_REASON = "refusalReason";

		public static final String NO_SHOWS = "noShows";

		/** {@code TRY_AGAIN} or {@code CLOSE}. */
		public static final String COORDINATOR_DECISION = "coordinatorDecision";

		// legal aid after a refusal
		public static final String LEGAL_AID_FOUND = "legalAidFound";

		public static final String LEGAL_AID_CODE = "legalAidCode";

		public static final String LEGAL_AID_NAME = "legalAidName";

		public static final String LEGAL_AID_WHERE = "legalAidWhere";

		public static final String LEGAL_AID_NEXT_OPENING = "legalAidNextOpening";

		public static final String LEGAL_AID_OUTCOME = "legalAidOutcome";

		private Variables() {
		}

	}

}
