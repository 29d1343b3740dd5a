package org.acolhida.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.time.Clock;
import org.acolhida.errors.FieldErrors;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.NotFoundException;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file service that every feature uses: opens a household's case with a case number,
 * registers its members, finds possible duplicates, links, transfers, closes and reopens. Every
 * method validates its whole input first and throws
 * {@link org.acolhida.errors.InvalidInputException} before writing anything.
 */
@Service
@Transactional
public class CaseFiles {

	private static final java.time.ZoneOffset FURTHEST_AHEAD = java.time.ZoneOffset.ofHours(14);

	private final CaseFileRepository cases;

	private final CaseFileStatements statements;

	private final UnitDirectory units;

	private final CaseTasks caseTasks;

	private final Clock clock;

	CaseFiles(CaseFileRepository cases, CaseFileStatements statements, UnitDirectory units, CaseTasks caseTasks,
			Clock clock) {
		this.clock = clock;
		this.cases = cases;
		this.statements = statements;
		this.units = units;
		this.caseTasks = caseTasks;
	}

	/** Opens a case at the receiving unit, with the reference person as member 1. */
	public CaseFile open(NewCase request, String openedBy) {
		FieldErrors errors = new FieldErrors();
		ServiceUnit unit = entryDoor(request.unitCode(), "unitCode", errors);
		if (request.referencePerson() == null) {
			errors.reject("referencePerson", "is required");
		}
		else {
			validate(request.referencePerson(), "", false, today(unit), errors);
		}
		errors.throwIfAny();
		long sequence = cases.nextCaseSequence();
		int year = today(unit).getYear();
		String caseNumber = String.format(Locale.ROOT, "%s-%d-%06d", prefix(unit.getCode()), year, sequence);
		CaseFile file = new CaseFile(caseNumber, unit.getCode(), trimmed(request.district()),
				request.interpreterNeeded(), now(), openedBy);
		add(file, 1, Relation.REFERENCE_PERSON, request.referencePerson());
		return cases.save(file);
	}

	/**
	 * Registers the household members who came with the reference person, replacing earlier ones.
	 * Writes only the household's rows, and fails if the case changed since it was read here.
	 */
	public CaseSummary registerHousehold(String caseNumber, List<NewPerson> members) {
		CaseSummary file = summary(caseNumber);
		FieldErrors errors = new FieldErrors();
		LocalDate today = today(units.unit(file.getOwningUnit()));
		List<NewPerson> given = members == null ? List.of() : members;
		for (int i = 0; i < given.size(); i++) {
			validate(given.get(i), "members[" + i + "].", true, today, errors);
		}
		errors.throwIfAny();
		CaseFile draft = new CaseFile();
		for (int i = 0; i < given.size(); i++) {
			add(draft, i + 2, given.get(i).relation(), given.get(i));
		}
		statements.replaceHousehold(file, draft.getMembers(), draft.getDocuments());
		List<Member> household = new ArrayList<>(file.getMembers().stream().filter(m -> m.memberNo() == 1).toList());
		household.addAll(draft.getMembers());
		return file.withMembers(household);
	}

	/**
	 * Open or closed cases that may be the same household: one of its people holds a document with
	 * the same number, or has the same name, birth date and nationality.
	 */
	@Transactional(readOnly = true)
	public List<String> possibleDuplicates(String caseNumber) {
		return statements.possibleDuplicates(caseNumber).orElseThrow(() -> notFound(caseNumber));
	}

	/**
	 * The worker found that the new registration is an existing case: the registration is closed as
	 * merged into it and the existing case is reopened if it was closed. Returns the existing case.
	 */
	public CaseFile linkTo(String caseNumber, String existingCaseNumber) {
		CaseFile file = find(caseNumber);
		CaseFile existing = cases.findByCaseNumber(existingCaseNumber == null ? "" : existingCaseNumber)
			.orElseThrow(() -> new InvalidInputException("existingCaseNumber",
					"no case with number '" + existingCaseNumber + "'"));
		file.mergeInto(existing.getCaseNumber(), now());
		statements.forget(file.getCaseNumber());
		cases.save(file);
		existing.reopen();
		statements.forget(existing.getCaseNumber());
		return cases.save(existing);
	}

	/**
	 * Moves a case to another entry-door unit: records who, when and why, and hands the case's open
	 * tasks (of every process instance with the case number as business key) to the new unit's
	 * workgroups of the same roles.
	 */
	public CaseFile transfer(String caseNumber, String toUnit, String reason, String by) {
		CaseFile file = find(caseNumber);
		FieldErrors errors = new FieldErrors();
		ServiceUnit unit = entryDoor(toUnit, "toUnit", errors);
		if (unit != null && unit.getCode().equals(file.getOwningUnit())) {
			errors.reject("toUnit", "the case is already owned by " + unit.getCode());
		}
		if (reason == null || reason.isBlank()) {
			errors.reject("reason", "is required");
		}
		if (by == null || by.isBlank()) {
			errors.reject("transferredBy", "is required");
		}
		errors.throwIfAny();
		String fromUnit = file.getOwningUnit();
		file.transferTo(unit.getCode(), by, now(), reason.trim());
		statements.forget(caseNumber);
		CaseFile saved = cases.save(file);
		caseTasks.moveOpenTasks(caseNumber, fromUnit, unit.getCode());
		return saved;
	}

	/** Closes the case now; it need not be read first, nor any of its other rows written. */
	public void close(String caseNumber) {
		if (!statements.setStatus(caseNumber, CaseStatus.CLOSED, now())) {
			throw notFound(caseNumber);
		}
	}

	public void reopen(String caseNumber) {
		if (!statements.setStatus(caseNumber, CaseStatus.OPEN, null)) {
			throw notFound(caseNumber);
		}
	}

	/** The whole case file: its documents and transfers too (four statements; see {@link #summary}). */
	@Transactional(readOnly = true)
	public CaseFile find(String caseNumber) {
		return cases.findByCaseNumber(caseNumber).orElseThrow(() -> notFound(caseNumber));
	}

	/**
	 * What a process step needs of a case: owning unit, status, district and household, in one
	 * statement. The same answer as {@link #find} for a case that does not exist.
	 */
	@Transactional(readOnly = true)
	public CaseSummary summary(String caseNumber) {
		return statements.summary(caseNumber).orElseThrow(() -> notFound(caseNumber));
	}

	private static NotFoundException notFound(String caseNumber) {
		return new NotFoundException("No case with number '" + caseNumber + "'");
	}

	private ServiceUnit entryDoor(String code, String field, FieldErrors errors) {
		if (code == null || code.isBlank()) {
			errors.reject(field, "is required");
			return null;
		}
		if (!units.isActive(code.trim())) {
			errors.reject(field, "'" + code + "' is not an active unit of the directory");
			return null;
		}
		ServiceUnit unit = units.unit(code.trim());
		if (!unit.getKind().isEntryDoor()) {
			errors.reject(field, unit.getCode() + " is a " + unit.getKind() + ", not a unit that takes cases in charge");
			return null;
		}
		return unit;
	}

	/** {@code today} is the date at the case's unit. */
	private void validate(NewPerson person, String prefix, boolean needsRelation, LocalDate today, FieldErrors errors) {
		if (needsRelation && person.relation() == null) {
			errors.reject(prefix + "relation", "is required");
		}
		if (needsRelation && person.relation() == Relation.REFERENCE_PERSON) {
			errors.reject(prefix + "relation", "the household has one reference person already");
		}
		required(person.givenName(), prefix + "givenName", errors);
		required(person.familyName(), prefix + "familyName", errors);
		required(person.nationality(), prefix + "nationality", errors);
		if (person.birthDate() == null) {
			errors.reject(prefix + "birthDate", "is required");
		}
		else if (person.birthDate().isAfter(today)) {
			errors.reject(prefix + "birthDate", "is in the future");
		}
		else if (person.birthDate().isBefore(today.minusYears(130))) {
			errors.reject(prefix + "birthDate", "is more than 130 years ago");
		}
		for (int i = 0; i < person.documents().size(); i++) {
			NewPerson.NewDocument document = person.documents().get(i);
			boolean hasType = document.documentType() != null && !document.documentType().isBlank();
			boolean hasNumber = document.number() != null && !MemberDocument.key(document.number()).isEmpty();
			if (hasType != hasNumber) {
				errors.reject(prefix + "documents[" + i + "]", "needs both the document type and its number");
			}
		}
	}

	private static void required(String value, String field, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			errors.reject(field, "is required");
		}
	}

	private static void add(CaseFile file, int memberNo, Relation relation, NewPerson person) {
		List<MemberDocument> documents = new ArrayList<>();
		for (NewPerson.NewDocument document : person.documents()) {
			if (document.documentType() != null && !document.documentType().isBlank()) {
				MemberDocument held = MemberDocument.of(memberNo, document.documentType(), document.number());
				if (documents.stream().noneMatch(d -> d.documentType().equals(held.documentType())
						&& d.numberKey().equals(held.numberKey()))) {
					documents.add(held);
				}
			}
		}
		String languages = String.join(",",
				person.languages().stream().map(l -> l.trim().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty())
					.distinct().toList());
		file.addMember(new Member(memberNo, relation, person.givenName().trim(), person.familyName().trim(),
				person.birthDate(), person.nationality().trim(), languages.isEmpty() ? null : languages), documents);
	}

	/** Sorocaba's units are SOR-..., Cremona's CRE-...: the municipality's prefix of the unit code. */
	private static String prefix(String unitCode) {
		int dash = unitCode.indexOf('-');
		return dash > 0 ? unitCode.substring(0, dash) : unitCode;
	}

	/** The engine's clock, so that the case file and the process agree on time (and tests move both). */
	private Instant now() {
		return clock.instant();
	}

	/** The date at the unit: a birth date is in the future, a case opened in a year, where the unit is. */
	private LocalDate today(ServiceUnit unit) {
		// An unknown unit is refused anyway; the rest of the input is checked against the date where the
		// calendar is furthest ahead, so that only what is in the future everywhere is refused with it.
		return LocalDate.now(clock.withZone(unit == null ? FURTHEST_AHEAD : unit.getZone()));
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
