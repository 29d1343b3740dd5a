package org.acolhida.literacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import java.time.Clock;
import org.acolhida.expressions.ExposedToProtocols;
import org.acolhida.cases.CaseSummary;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.Member;
import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/**
 * The learners of a household, from its case file: every member old enough for school
 * ({@code acolhida.literacy.school-age-from}), as learner references {@code <case number>-M<member
 * number>}. The collection of the per-learner subprocess ({@code ${literacyLearners.of(execution)}}),
 * so that no list variable is stored. Ages are taken on the engine's date.
 */
@ExposedToProtocols
@Component("literacyLearners")
public class Learners {

	private final CaseFiles cases;

	private final LiteracySettings settings;

	private final UnitDirectory units;

	private final Clock clock;

	Learners(CaseFiles cases, LiteracySettings settings, UnitDirectory units, Clock clock) {
		this.clock = clock;
		this.units = units;
		this.cases = cases;
		this.settings = settings;
	}

	/** Learner references of the case in {@code caseNumber}, reference person first. */
	public List<String> of(VariableScope scope) {
		String caseNumber = CASE_NUMBER.from(scope).get();
		CaseSummary file = cases.summary(caseNumber);
		LocalDate today = today(file.getOwningUnit());
		return file.getMembers()
			.stream()
			.filter(m -> m.birthDate() != null && settings.isLearnerAge(m.ageOn(today)))
			.map(m -> ref(file.getCaseNumber(), m.memberNo()))
			.toList();
	}

	static String ref(String caseNumber, int memberNo) {
		return caseNumber + "-M" + memberNo;
	}

	/** The member a learner reference names, if the case file still has them. */
	Optional<Member> member(String caseNumber, String learnerRef) {
		String prefix = caseNumber + "-M";
		if (learnerRef == null || !learnerRef.startsWith(prefix)) {
			throw new IllegalArgumentException("'" + learnerRef + "' is not a learner of case " + caseNumber);
		}
		int memberNo = Integer.parseInt(learnerRef.substring(prefix.length()));
		return cases.summary(caseNumber).getMembers().stream().filter(m -> m.memberNo() == memberNo).findFirst();
	}

	/** Today at the unit: ages are counted where the learner lives, not in UTC. */
	LocalDate today(String unitCode) {
		return LocalDate.now(clock.withZone(units.unit(unitCode).getZone()));
	}

}
