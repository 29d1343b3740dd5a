package org.acolhida.housing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * No shelter has room now: puts the household on its municipality's waitlist (immediate cases
 * first). Reads the household (see {@link HouseholdProfiles}), {@code immediateHousing} and
 * {@code sleepingRoughTonight}. Writes no variables. Raises nothing: a case already waiting keeps
 * its place.
 */
@Component("addToHousingWaitlistDelegate")
class AddToHousingWaitlistDelegate implements JavaDelegate {

	private final HouseholdProfiles profiles;

	private final HousingWaitlist waitlist;

	private final HousingReferralSettings settings;

	AddToHousingWaitlistDelegate(HouseholdProfiles profiles, HousingWaitlist waitlist, HousingReferralSettings settings) {
		this.profiles = profiles;
		this.waitlist = waitlist;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		waitlist.add(profiles.of(execution), settings.isImmediate(execution));
	}

}
