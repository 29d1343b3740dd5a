package org.acolhida.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A household's case file, owned by the unit that received it. Its case number is the business key
 * of every process instance of the case. Changed only through {@link CaseFiles}.
 */
@Table("case_file")
public class CaseFile {

	@Id
	private Long id;

	@Version
	private Integer version;

	private String caseNumber;

	private String owningUnit;

	private CaseStatus status;

	private String district;

	private boolean interpreterNeeded;

	private String mergedInto;

	private Instant openedAt;

	private String openedBy;

	private Instant closedAt;

	@MappedCollection(idColumn = "case_file", keyColumn = "case_file_key")
	private List<Member> members = new ArrayList<>();

	@MappedCollection(idColumn = "case_file")
	private Set<MemberDocument> documents = new HashSet<>();

	@MappedCollection(idColumn = "case_file", keyColumn = "case_file_key")
	private List<CaseTransfer> transfers = new ArrayList<>();

	CaseFile() {
	}

	CaseFile(String caseNumber, String owningUnit, String district, boolean interpreterNeeded, Instant openedAt,
			String openedBy) {
		this.caseNumber = caseNumber;
		this.owningUnit = owningUnit;
		this.district = district;
		this.interpreterNeeded = interpreterNeeded;
		this.openedAt = openedAt;
		this.openedBy = openedBy;
		this.status = CaseStatus.OPEN;
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

	/** The existing case this registration turned out to be, if the worker linked it. */
	public Optional<String> getMergedInto() {
		return Optional.ofNullable(mergedInto);
	}

	public Instant getOpenedAt() {
		return openedAt;
	}

	public String getOpenedBy() {
		return openedBy;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public List<Member> getMembers() {
		return members.stream().sorted(Comparator.comparingInt(Member::memberNo)).toList();
	}

	public Member getReferencePerson() {
		return getMembers().get(0);
	}

	public List<MemberDocument> documentsOf(int memberNo) {
		return documents.stream().filter(d -> d.memberNo() == memberNo).toList();
	}

	public List<MemberDocument> getDocuments() {
		return List.copyOf(documents);
	}

	public List<CaseTransfer> getTransfers() {
		return List.copyOf(transfers);
	}

	void addMember(Member member, List<MemberDocument> memberDocuments) {
		members.add(member);
		documents.addAll(memberDocuments);
	}

	/** Replaces everybody but the reference person, who was registered when the case opened. */
	void replaceHousehold(List<Member> others, List<MemberDocument> othersDocuments) {
		members.removeIf(m -> m.memberNo() != 1);
		documents.removeIf(d -> d.memberNo() != 1);
		members.addAll(others);
		documents.addAll(othersDocuments);
	}

	void transferTo(String unit, String by, Instant at, String reason) {
		transfers.add(new CaseTransfer(owningUnit, unit, by, at, reason));
		owningUnit = unit;
	}

	void mergeInto(String existingCase, Instant at) {
		mergedInto = existingCase;
		close(at);
	}

	void close(Instant at) {
		status = CaseStatus.CLOSED;
		closedAt = at;
	}

	void reopen() {
		status = CaseStatus.OPEN;
		closedAt = null;
	}

}
