package org.acolhida.cases;

import java.util.List;

/**
 * What the processes read of a case file: its owning unit, status, district and household, read in
 * one statement ({@link CaseFiles#summary}). The documents and transfers stay out: the journey's
 * steps need neither, and the whole {@link CaseFile} costs four statements a read. Read-only: it
 * changes nothing when it is dropped.
 */
public final class CaseSummary {

	private final long id;

	private final int version;

	private final String caseNumber;

	private final String owningUnit;

	private final CaseStatus status;

	private final String district;

	private final boolean interpreterNeeded;

	private final List<Member> members;

	CaseSummary(long id, int version, String caseNumber, String owningUnit, CaseStatus status, String district,
			boolean interpreterNeeded, List<Member> members) {
		this.id = id;
		this.version = version;
		this.caseNumber = caseNumber;
		this.owningUnit = owningUnit;
		this.status = status;
		this.district = district;
		this.interpreterNeeded = interpreterNeeded;
		this.members = List.copyOf(members);
	}

	CaseSummary withMembers(List<Member> household) {
		return new CaseSummary(id, version, caseNumber, owningUnit, status, district, interpreterNeeded, household);
	}

	/** The row the summary was read from, for the writes of {@link CaseFiles} that check its version. */
	long id() {
		return id;
	}

	int version() {
		return version;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getOwningUnit() {
		return owningUnit;
	}

	public CaseStatus getStatus() {
		return status;
	}

	public String getDistrict() {
		return district;
	}

	public boolean isInterpreterNeeded() {
		return interpreterNeeded;
	}

	/** The household, member 1 (the reference person) first. */
	public List<Member> getMembers() {
		return members;
	}

	public Member getReferencePerson() {
		return members.get(0);
	}

}
