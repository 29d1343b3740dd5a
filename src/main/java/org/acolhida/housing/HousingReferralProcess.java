package org.acolhida.housing;

import org.acolhida.variables.CaseVariables;
import org.acolhida.variables.ProcessVariable;

import static org.acolhida.variables.ProcessVariable.booleanVariable;
import static org.acolhida.variables.ProcessVariable.intVariable;
import static org.acolhida.variables.ProcessVariable.longVariable;
import static org.acolhida.variables.ProcessVariable.stringVariable;

/**
 * The {@code housing-referral} process ({@code processes/housing-referral.bpmn}) and the
 * {@code housing-stay} process it starts once a shelter has accepted
 * ({@code processes/housing-stay.bpmn}). Element ids and variable names here are the contract with
 * the diagrams, the forms and the tests. The business key of every instance is the case number.
 *
 * <p>Why two processes: {@code reception} calls {@code housing-referral} as a call activity and
 * waits for it. The referral ends as soon as its outcome is known (placed, housed outside the
 * network, no shelter fits); the stay in the shelter, which may last months, waits for the
 * departure in {@code housing-stay}, started with the same business key.
 */
public final class HousingReferralProcess {

	public static final String KEY = "housing-referral";

	/** The stay in a shelter, until the household leaves. */
	public static final String STAY_KEY = "housing-stay";

	/** Message correlated by business key (the case number): the household left its shelter. */
	public static final String MESSAGE_EXIT = "housing-exit";

	/** Signal thrown whenever beds go back to the pool: waitlisted cases look again. */
	public static final String SIGNAL_BEDS_FREED = "housing-beds-freed";

	/** The bed hold of the current referral (see {@link ShelterCapacity}). */
	public static final ProcessVariable<Long> HOLD_ID = longVariable(Variables.HOLD_ID);

	public static final ProcessVariable<String> CHOSEN_SHELTER = stringVariable(Variables.CHOSEN_SHELTER);

	public static final ProcessVariable<Integer> HOUSEHOLD_SIZE = intVariable(Variables.HOUSEHOLD_SIZE);

	public static final ProcessVariable<String> SHELTER_NAME = stringVariable(Variables.SHELTER_NAME);

	/**
	 * The triage's priority, handed over by reception's call activity (or {@link HousingReferralService}):
	 * {@code IMMEDIATE}, {@code HIGH} or {@code NORMAL}; the housing tasks' due dates follow it.
	 */
	public static final ProcessVariable<String> PRIORITY = stringVariable(Variables.PRIORITY);

	/** The triage's "housing tonight". */
	public static final ProcessVariable<Boolean> IMMEDIATE_HOUSING = booleanVariable(Variables.IMMEDIATE_HOUSING);

	/** What the listening recorded: the household sleeps rough tonight. */
	public static final ProcessVariable<Boolean> SLEEPING_ROUGH_TONIGHT = booleanVariable(
			Variables.SLEEPING_ROUGH_TONIGHT);

	private HousingReferralProcess() {
	}

	/** Element ids of both diagrams. */
	public static final class Elements {

		public static final String START = "start_housing_referral";

		public static final String HOUSEHOLD_NEEDS = "task_household_needs";

		public static final String GW_IMMEDIATE = "gw_immediate";

		public static final String EMERGENCY_PLACEMENT = "task_emergency_placement";

		public static final String END_EMERGENCY = "end_emergency_handled";

		public static final String GW_SEARCH_AGAIN = "gw_search_again";

		public static final String FIND_SHELTERS = "service_find_shelters";

		public static final String GW_CANDIDATES = "gw_candidates";

		public static final String NO_SHELTER_FITS = "task_no_shelter_fits";

		public static final String GW_NO_FIT_DECISION = "gw_no_fit_decision";

		public static final String END_NO_SHELTER = "end_no_shelter_fits";

		public static final String GW_CHOOSE = "gw_choose";

		public static final String CHOOSE_SHELTER = "task_choose_shelter";

		public static final String HOLD_BEDS = "service_hold_beds";

		public static final String GW_HOLD_OUTCOME = "gw_hold_outcome";

		public static final String SHELTER_ANSWER = "task_shelter_answer";

		public static final String HOLD_EXPIRED_TIMER = "timer_hold_expired";

		public static final String EXPIRE_HOLD = "service_expire_hold";

		public static final String GW_SHELTER_ANSWER = "gw_shelter_answer";

		public static final String RECORD_DECLINE = "service_record_decline";

		public static final String GW_BEDS_FREED = "gw_beds_freed";

		public static final String THROW_BEDS_FREED = "signal_throw_beds_freed";

		public static final String GW_TELL_COORDINATOR = "gw_tell_coordinator";

		public static final String HOLD_EXPIRED_NOTICE = "task_hold_expired";

		public static final String END_EXPIRY_NOTED = "end_expiry_noted";

		public static final String CONFIRM_PLACEMENT = "service_confirm_placement";

		public static final String GW_PLACED = "gw_placed";

		public static final String START_STAY = "service_start_stay";

		public static final String END_PLACED = "end_placed";

		public static final String ADD_TO_WAITLIST = "service_add_to_waitlist";

		public static final String WAITLIST = "subprocess_waitlist";

		public static final String GW_WAIT = "gw_wait";

		public static final String GW_WAIT_FOR = "gw_wait_for";

		public static final String BEDS_FREED = "signal_beds_freed";

		public static final String DAILY_RECHECK = "timer_daily_recheck";

		public static final String RECHECK = "service_recheck_shelters";

		public static final String GW_BED_FOUND = "gw_bed_found";

		public static final String WAITLIST_ESCALATION_TIMER = "timer_waitlist_escalation";

		public static final String WAITLIST_ESCALATION = "task_waitlist_escalation";

		public static final String GW_ESCALATION = "gw_escalation_decision";

		public static final String END_KEEP_WAITING = "end_keep_waiting";

		public static final String WITHDRAW_FROM_WAITLIST = "service_withdraw_from_waitlist";

		public static final String END_HOUSED_OUTSIDE = "end_housed_outside";

		// housing-stay
		public static final String STAY_START = "start_housing_stay";

		public static final String RECORD_DEPARTURE = "task_record_departure";

		public static final String EXIT_MESSAGE = "message_housing_exit";

		public static final String FREE_BEDS = "service_free_beds";

		public static final String STAY_THROW_BEDS_FREED = "signal_throw_stay_beds_freed";

		public static final String STAY_END = "end_departed";

		private Elements() {
		}

	}

	/** Process variable names. */
	public static final class Variables {

		// from reception's call activity (or HousingReferralService)
		public static final String CASE_NUMBER = CaseVariables.CASE_NUMBER_NAME;

		public static final String UNIT_CODE = CaseVariables.UNIT_CODE_NAME;

		public static final String PERSON_NAME = CaseVariables.PERSON_NAME_NAME;

		public static final String PRIORITY = "priority";

		public static final String DISTRICT = "district";

		public static final String IMMEDIATE_HOUSING = "immediateHousing";

		public static final String SLEEPING_ROUGH_TONIGHT = "sleepingRoughTonight";

		// household needs (the case file has no sex or wheelchair need: asked in the first task)
		/** {@code WOMEN}, {@code MEN}, {@code MIXED} or {@code NOT_SAID}: who the adults are. */
		public static final String ADULTS_ARE = "adultsAre";

		public static final String WHEELCHAIR_NEEDED = "wheelchairNeeded";

		// search
		public static final String HOUSEHOLD_SIZE = "householdSize";

		public static final String HOUSEHOLD_SUMMARY = "householdSummary";

		/** JSON list of the ranked candidates (code, name, freeBeds, districts, languages...). */
		public static final String SHELTER_CANDIDATES = "shelterCandidates";

		/** JSON list of {label, value} for the form's select. */
		public static final String SHELTER_OPTIONS = "shelterOptions";

		public static final String CANDIDATE_COUNT = "candidateCount";

		/** False: no active shelter could ever take the household (too large, no shelter for its profile). */
		public static final String ANY_SHELTER_COULD_TAKE = "anyShelterCouldTake";

		// referral
		public static final String CHOSEN_SHELTER = "chosenShelter";

		public static final String REFERRAL_NOTES = "referralNotes";

		/** A {@link HoldAttempt.Outcome} name, or {@code EXPIRED}/{@code DECLINED} once the hold ended. */
		public static final String HOLD_OUTCOME = "holdOutcome";

		public static final String HOLD_ID = "holdId";

		/** When the hold runs out (a date; the boundary timer fires then). */
		public static final String HOLD_EXPIRES_AT = "holdExpiresAt";

		/** When the hold runs out, as the shelter's form shows it: in the case unit's words and zone. */
		public static final String HOLD_EXPIRES_TEXT = "holdExpiresText";

		public static final String SHELTER_NAME = "shelterName";

		/** Why the last referral did not hold, shown on the choose form; null when all went well. */
		public static final String REFERRAL_PROBLEM = "referralProblem";

		/** {@code ACCEPT} or {@code DECLINE}. */
		public static final String SHELTER_ANSWER = "shelterAnswer";

		public static final String DECLINE_REASON = "declineReason";

		public static final String PLACED = "placed";

		public static final String PLACEMENT_ID = "placementId";

		public static final String PLACED_SINCE = "placedSince";

		/** The day of the placement, as the departure form shows it: in the case unit's words and zone. */
		public static final String PLACED_SINCE_TEXT = "placedSinceText";

		// coordinator and emergency tasks
		/** {@code SEARCH_AGAIN} or {@code HOUSED_OUTSIDE}. */
		public static final String NO_FIT_DECISION = "noFitDecision";

		/** {@code KEEP_WAITING} or {@code HOUSED_OUTSIDE}. */
		public static final String ESCALATION_DECISION = "escalationDecision";

		public static final String COORDINATOR_NOTES = "coordinatorNotes";

		public static final String EMERGENCY_SHELTER = "emergencyShelter";

		public static final String EMERGENCY_NOTES = "emergencyNotes";

		// housing-stay
		public static final String DEPARTURE_REASON = "departureReason";

		private Variables() {
		}

	}

}
