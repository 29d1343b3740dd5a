package org.acolhida.literacy;

import org.acolhida.variables.CaseVariables;
import org.acolhida.variables.ProcessVariable;

import static org.acolhida.variables.ProcessVariable.booleanVariable;
import static org.acolhida.variables.ProcessVariable.longVariable;
import static org.acolhida.variables.ProcessVariable.stringVariable;

/**
 * The {@code literacy-enrollment} process ({@code processes/literacy-enrollment.bpmn}): every
 * learner of a household placed in a class, on the waitlist or referred to school. Its element ids,
 * messages and variable names are the contract with tests, forms and the seats core. The business
 * key of every instance is the case number.
 * <p>
 * The diagram has two starts. Reception's call activity enters at the none start: one placement per
 * learner (multi-instance), ending once each learner's outcome is known (enrolled, waiting, referred
 * to school, no class needed), so reception is not held for the weeks a waitlist or the first week
 * of lessons take. For each learner enrolled or waiting, a delegate starts a second instance of the
 * same definition at the message start {@value #FOLLOW_UP_MESSAGE}, with the same business key: it
 * waits for a seat and checks attendance, for as long as that takes.
 */
public final class LiteracyEnrollmentProcess {

	public static final String KEY = "literacy-enrollment";

	/** Starts one learner's follow-up instance (waitlist, attendance). */
	public static final String FOLLOW_UP_MESSAGE = "literacy-learner-follow-up";

	/** A free seat was offered to a waiting learner; correlated by {@code waitlistEntryId}. */
	public static final String SEAT_OFFERED_MESSAGE = "literacy-seat-offered";

	/** No school in the network serves the child's district. */
	public static final String ERROR_NO_SCHOOL_FOUND = "NO_SCHOOL_FOUND";

	/** The seats core's reference of one learner, e.g. SOR-2026-000012-M2. */
	public static final ProcessVariable<String> LEARNER_REF = stringVariable(Variables.LEARNER_REF);

	public static final ProcessVariable<String> CLASS_CODE = stringVariable(Variables.CLASS_CODE);

	public static final ProcessVariable<Long> ENROLLMENT_ID = longVariable(Variables.ENROLLMENT_ID);

	public static final ProcessVariable<Long> WAITLIST_ENTRY_ID = longVariable(Variables.WAITLIST_ENTRY_ID);

	/** A school-age child's schooling so far, from the placement: NEVER, INTERRUPTED or REGULAR. */
	public static final ProcessVariable<String> SCHOOLING_SO_FAR = stringVariable(Variables.SCHOOLING_SO_FAR);

	/** The last school year a child completed, and where, in the worker's words (e.g. "4º grado, Maracaibo"). */
	public static final ProcessVariable<String> LAST_SCHOOL_YEAR = stringVariable(Variables.LAST_SCHOOL_YEAR);

	/** The child brings school records (report card, transcript) for the school to place them. */
	public static final ProcessVariable<Boolean> SCHOOL_RECORDS = booleanVariable(Variables.SCHOOL_RECORDS);

	/** The child needs support in the school's language. */
	public static final ProcessVariable<Boolean> SCHOOL_LANGUAGE_SUPPORT = booleanVariable(
			Variables.SCHOOL_LANGUAGE_SUPPORT);

	private LiteracyEnrollmentProcess() {
	}

	/** Element ids of the diagram. */
	public static final class Elements {

		// placement, one per learner (the reception's part)
		public static final String START = "start_literacy_enrollment";

		public static final String LEARNERS = "subprocess_learner";

		public static final String PREPARE_LEARNER = "service_prepare_learner";

		public static final String PLACEMENT = "task_placement";

		public static final String GW_NEEDS_CLASS = "gw_needs_class";

		public static final String END_NO_CLASS_NEEDED = "end_no_class_needed";

		public static final String GW_SCHOOL_AGE = "gw_school_age";

		public static final String FIND_SCHOOL = "service_find_school";

		public static final String NO_SCHOOL_FOUND = "error_no_school_found";

		public static final String REFER_TO_SCHOOL = "task_refer_to_school";

		public static final String ARRANGE_SCHOOL = "task_arrange_school";

		public static final String FIND_CLASS = "service_find_class";

		public static final String GW_CLASS_FOUND = "gw_class_found";

		public static final String TAKE_SEAT = "service_take_seat";

		public static final String GW_SEAT_TAKEN = "gw_seat_taken";

		public static final String ADD_TO_WAITLIST = "service_add_to_waitlist";

		public static final String START_FOLLOW_UP = "service_start_follow_up";

		public static final String END_LEARNERS_PLACED = "end_learners_placed";

		// one learner's follow-up
		public static final String FOLLOW_UP_START = "start_learner_follow_up";

		public static final String GW_FOLLOW_UP_KIND = "gw_follow_up_kind";

		public static final String GW_JOIN_ATTENDANCE = "gw_join_attendance";

		public static final String ATTENDANCE_TIMER = "timer_attendance_check";

		public static final String CONFIRM_ATTENDANCE = "task_confirm_attendance";

		public static final String GW_ATTENDED = "gw_attended";

		public static final String END_ATTENDING = "end_attending";

		public static final String RECORD_NO_SHOW = "service_record_no_show";

		public static final String GW_SEAT_RELEASED = "gw_seat_released";

		public static final String END_SEAT_RELEASED = "end_seat_released";

		public static final String FOLLOW_UP_CALL = "task_follow_up_call";

		public static final String GW_CALL_OUTCOME = "gw_call_outcome";

		public static final String WITHDRAW = "service_withdraw";

		public static final String END_WITHDRAWN = "end_withdrawn";

		public static final String GW_JOIN_WAITING = "gw_join_waiting";

		public static final String GW_WAIT_FOR_SEAT = "gw_wait_for_seat";

		public static final String SEAT_OFFERED = "msg_seat_offered";

		public static final String RECHECK_TIMER = "timer_recheck_waitlist";

		public static final String RECHECK_WAITLIST = "service_recheck_waitlist";

		public static final String GW_OFFERED_ON_RECHECK = "gw_offered_on_recheck";

		public static final String GW_JOIN_OFFER = "gw_join_offer";

		public static final String OFFER_SEAT = "task_offer_seat";

		public static final String GW_OFFER_ANSWER = "gw_offer_answer";

		public static final String TAKE_OFFERED_SEAT = "service_take_offered_seat";

		public static final String GW_OFFERED_SEAT_TAKEN = "gw_offered_seat_taken";

		public static final String DECLINE_OFFER = "service_decline_offer";

		public static final String GW_KEEP_WAITING = "gw_keep_waiting";

		public static final String END_STOPPED_WAITING = "end_stopped_waiting";

		private Elements() {
		}

	}

	/** Process variable names. */
	public static final class Variables {

		// from reception (camunda:in)
		public static final String CASE_NUMBER = CaseVariables.CASE_NUMBER_NAME;

		public static final String UNIT_CODE = CaseVariables.UNIT_CODE_NAME;

		/** The reference person's name; inside a learner's scope, the learner's name (task names). */
		public static final String PERSON_NAME = CaseVariables.PERSON_NAME_NAME;

		public static final String DISTRICT = "district";

		// one learner (local to the multi-instance subprocess, and of a follow-up instance)
		/** Case number and member number, e.g. {@code SOR-2026-000012-M2}: the seats core's learnerRef. */
		public static final String LEARNER_REF = "learnerRef";

		public static final String LEARNER_AGE = "learnerAge";

		/** Whether the learner is of school age (acolhida.literacy.school-age-from/to). */
		public static final String SCHOOL_AGE = "schoolAge";

		// placement form
		/** PRE_LITERATE, BEGINNER, A1, A2 or B1 in the language of instruction. */
		public static final String LEVEL = "level";

		public static final String LITERATE_IN_OWN_LANGUAGE = "literateInOwnLanguage";

		// placement form, school-age children: what a school enrolment needs instead of a level and class hours
		/** NEVER, INTERRUPTED or REGULAR. */
		public static final String SCHOOLING_SO_FAR = "schoolingSoFar";

		public static final String LAST_SCHOOL_YEAR = "lastSchoolYear";

		public static final String SCHOOL_RECORDS = "schoolRecords";

		public static final String SCHOOL_LANGUAGE_SUPPORT = "schoolLanguageSupport";

		/** Days the learner can come: MONDAY..SUNDAY (a form checklist). */
		public static final String AVAILABLE_DAYS = "availableDays";

		/** MORNING, AFTERNOON, EVENING on those days (a form checklist). */
		public static final String AVAILABLE_TIMES = "availableTimes";

		public static final String LEARNER_DISTRICT = "learnerDistrict";

		/** Unticked when the member needs no class (speaks the language, works at those hours...). */
		public static final String NEEDS_CLASS = "needsClass";

		public static final String PLACEMENT_NOTES = "placementNotes";

		// class and seat
		/** The class looked up or offered, a literacy class's unit code. */
		public static final String CLASS_CODE = "classCode";

		public static final String CLASS_FOUND = "classFound";

		/** The level of class looked for: PRE_LITERATE for a learner who cannot read in any language. */
		public static final String CLASS_LEVEL = "classLevel";

		public static final String SEAT_TAKEN = "seatTaken";

		public static final String ENROLLMENT_ID = "enrollmentId";

		public static final String WAITLIST_ENTRY_ID = "waitlistEntryId";

		// school
		public static final String SCHOOL_UNIT_CODE = "schoolUnitCode";

		public static final String SCHOOL_NAME = "schoolName";

		public static final String SCHOOL_WHERE = "schoolWhere";

		/** REFERRED, ENROLLED or DECLINED. */
		public static final String SCHOOL_OUTCOME = "schoolOutcome";

		public static final String SCHOOL_NOTES = "schoolNotes";

		// follow-up
		/** Whether the learner came to the lessons of the week (attendance form). */
		public static final String ATTENDED = "attended";

		/** Whether the weekly look at the waitlist offered this learner a seat. */
		public static final String SEAT_OFFERED = "seatOffered";

		public static final String NO_SHOWS = "noShows";

		public static final String SEAT_RELEASED = "seatReleased";

		/** What the enrolment became: ENROLLED, NO_SHOW_RELEASED... */
		public static final String ENROLLMENT_STATUS = "enrollmentStatus";

		/** REACHED, NOT_REACHED or WITHDRAWS (the learner leaves the class: the seat goes back). */
		public static final String CALL_OUTCOME = "callOutcome";

		public static final String CALL_NOTES = "callNotes";

		/** ACCEPTED, KEEP_WAITING (declines this class) or STOP_WAITING. */
		public static final String OFFER_ANSWER = "offerAnswer";

		public static final String KEEP_WAITING = "keepWaiting";

		private Variables() {
		}

	}

}
