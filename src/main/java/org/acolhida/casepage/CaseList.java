package org.acolhida.casepage;

import java.util.List;
import java.util.Map;

/**
 * The cases a desk worker finds from Tasklist's "Casos" / "Pratiche" button: their own unit's recent
 * cases, newest first, or those whose number or person's name matches what they typed; every text in
 * the worker's language.
 *
 * @param query what was searched for; empty for the recent cases
 * @param labels the list's headings, so that the screen itself holds no text
 */
record CaseList(String language, String query, Map<String, String> labels, List<Row> cases) {

	/**
	 * One case: its number, the reference person, the unit, when it opened (and whether that is today
	 * at the unit), its state, and what the triage decided: the priority and where the person goes next
	 * (the services of its referrals, else the referrals it started). Empty priority: no listening yet.
	 */
	record Row(String caseNumber, String person, String unit, String openedOn, boolean today, String status,
			String priority, List<String> next) {
	}

}
