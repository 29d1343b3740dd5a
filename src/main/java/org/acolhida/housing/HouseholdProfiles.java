package org.acolhida.housing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import java.time.Clock;
import org.acolhida.cases.CaseSummary;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.Member;
import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/**
 * Builds a {@link HouseholdProfile} from the case file (members and their ages on the engine's
 * date, languages, district, the owning unit's municipality) and from what the housing worker
 * stated in the household-needs task ({@code adultsAre}, {@code wheelchairNeeded}): the case file
 * records neither sex nor mobility.
 */
@Component
class HouseholdProfiles {

	private final CaseFiles cases;

	private final UnitDirectory units;

	private final Clock clock;

	HouseholdProfiles(CaseFiles cases, UnitDirectory units, Clock clock) {
		this.clock = clock;
		this.cases = cases;
		this.units = units;
	}

	HouseholdProfile of(VariableScope scope) {
		String caseNumber = CASE_NUMBER.from(scope).get();
		CaseSummary file = cases.summary(caseNumber);
		ServiceUnit unit = units.unit(file.getOwningUnit());
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone(unit));
		int adults = 0;
		List<Integer> children = new ArrayList<>();
		Set<String> languages = new TreeSet<>();
		for (Member member : file.getMembers()) {
			int age = member.ageOn(today);
			if (age >= 18) {
				adults++;
			}
			else {
				children.add(Math.max(age, 0));
			}
			languages.addAll(member.languageList());
		}
		Object adultsAre = scope.getVariable(Variables.ADULTS_ARE);
		boolean women = adults > 0 && "WOMEN".equals(adultsAre);
		boolean men = adults > 0 && "MEN".equals(adultsAre);
		Object district = scope.getVariable(Variables.DISTRICT);
		return new HouseholdProfile(caseNumber, adults, children, women, men,
				HousingReferralSettings.flag(scope.getVariable(Variables.WHEELCHAIR_NEEDED)), unit.getMunicipality(),
				file.getDistrict() != null ? file.getDistrict() : district == null ? null : district.toString(),
				languages);
	}

	private static ZoneId zone(ServiceUnit unit) {
		return unit.getZone();
	}

}
