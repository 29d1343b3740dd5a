package org.acolhida.papers;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.Member;
import org.acolhida.documentation.DocumentationProcess;
import org.acolhida.errors.NotFoundException;
import org.acolhida.housing.Placement;
import org.acolhida.housing.ShelterCapacity;
import org.acolhida.language.ComposedTexts;
import org.acolhida.identity.CurrentUser;
import org.acolhida.literacy.ClassSeats;
import org.acolhida.literacy.Enrollment;
import org.acolhida.papers.Paper.Style;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.units.ClassFacts;
import org.acolhida.units.OpeningHours.OpeningAt;
import org.acolhida.units.OpeningInterval;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.WeeklySlot;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;

/**
 * Composes the papers of a case from what Acolhida knows: the case file (names, from our tables), the
 * directory (addresses, hours, next opening at the engine clock's now), the checklist decision table
 * evaluated through the engine's decision service, the documentation trails under way (document,
 * member, situation, office, appointment: codes and dates the processes keep), the current shelter
 * placement and the class seats held. Nothing is written anywhere.
 * <p>
 * The caller has checked that the signed-in worker may work the case: the engine's own reads then run
 * without the worker's engine authorizations, because a worker of the unit prints the paper of a step
 * of another role (the reception worker the class slip) and the case's unit is the rule for papers.
 */
@Service
class CasePapers {

	private static final int LOOKUP_LIMIT = 200;

	private final UnitDirectory units;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final DecisionService decisions;

	private final CurrentUser currentUser;

	private final ShelterCapacity shelters;

	private final ClassSeats classes;

	private final ComposedTexts staffTexts;

	private final Clock clock;

	CasePapers(UnitDirectory units, RuntimeService runtime, HistoryService history, DecisionService decisions,
			CurrentUser currentUser, ShelterCapacity shelters, ClassSeats classes, ComposedTexts staffTexts,
			Clock clock) {
		this.units = units;
		this.runtime = runtime;
		this.history = history;
		this.decisions = decisions;
		this.currentUser = currentUser;
		this.shelters = shelters;
		this.classes = classes;
		this.staffTexts = staffTexts;
		this.clock = clock;
	}

	/**
	 * The paper of a kind for a case. {@code referralTo} names the unit of a referral letter (else the
	 * case's last referral). Throws {@link NotFoundException} when the case has nothing of that kind
	 * (no trail, no appointment, no placement, no class seat, no referral).
	 */
	Paper compose(PaperKind kind, CaseFile file, Paper paper, String fallbackLanguage, String referralTo) {
		ServiceUnit owner = units.unit(file.getOwningUnit());
		Instant now = clock.instant();
		paper.add(Style.TITLE, "title." + kind.slug());
		Member reference = file.getReferencePerson();
		paper.add(Style.TEXT, "header.person", "name", reference.fullName());
		paper.add(Style.TEXT, "header.case", "case", file.getCaseNumber());
		paper.add(Style.TEXT, words -> words.text("header.issued", "unit", owner.getName(), "date",
				words.date(now.atZone(owner.getZone()))));
		paper.explain("kind." + owner.getKind());
		if (fallbackLanguage != null) {
			paper.add(Style.NOTE, words -> words.text("fallback", "language", words.languageName(fallbackLanguage)));
		}
		switch (kind) {
			case REFERRAL_LETTER -> referral(paper, file, referralTo, now);
			case DOCUMENT_CHECKLIST -> checklist(paper, file, owner, now);
			case APPOINTMENT_SLIP -> appointments(paper, file, owner, now);
			case SHELTER_PLACEMENT_SLIP -> shelter(paper, file, now);
			case CLASS_ENROLMENT_SLIP -> enrolment(paper, file, now);
		}
		paper.add(Style.NOTE, "footer.keep");
		return paper;
	}

	private void referral(Paper paper, CaseFile file, String referralTo, Instant now) {
		String code = referralTo != null ? referralTo : lastReferral(file.getCaseNumber())
			.orElseThrow(() -> missing(paper, "referral"));
		ServiceUnit unit = units.unit(code);
		paper.add(Style.HEADING, "referral.to", "unit", unit.getName());
		paper.explain("kind." + unit.getKind());
		paper.add(Style.TEXT, "referral.go");
		place(paper, unit, now);
		paper.add(Style.TEXT, "referral.bring", "case", file.getCaseNumber());
	}

	/** The unit reception or documentation last referred the case to (reception's referral, legal aid). */
	private Optional<String> lastReferral(String caseNumber) {
		return currentUser.asApplication(() -> {
			List<String> instances = new ArrayList<>();
			history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
				.listPage(0, LOOKUP_LIMIT).forEach(instance -> instances.add(instance.getId()));
			if (instances.isEmpty()) {
				return Optional.<String>empty();
			}
			return history.createHistoricVariableInstanceQuery()
				.processInstanceIdIn(instances.toArray(String[]::new))
				.variableNameIn(ReceptionProcess.Variables.REFERRAL_UNIT_CODE,
						DocumentationProcess.Variables.LEGAL_AID_CODE)
				.listPage(0, LOOKUP_LIMIT).stream()
				.filter(variable -> variable.getValue() instanceof String code && units.isActive(code))
				.max(Comparator.comparing(HistoricVariableInstance::getCreateTime))
				.map(variable -> (String) variable.getValue());
		});
	}

	/** One document for one member, as its trail in documentation guidance has it. */
	private record Trail(String documentType, int memberNo, String situation, String country, String officeCode,
			Instant appointmentAt, Instant reminderAt) {
	}

	private List<Trail> trails(String caseNumber) {
		return currentUser.asApplication(() -> {
			String[] instances = runtime.createProcessInstanceQuery()
				.processDefinitionKey(DocumentationProcess.KEY)
				.processInstanceBusinessKey(caseNumber)
				.listPage(0, LOOKUP_LIMIT).stream().map(ProcessInstance::getId).toArray(String[]::new);
			if (instances.length == 0) {
				return List.<Trail>of();
			}
			Map<String, Map<String, Object>> byExecution = new LinkedHashMap<>();
			for (VariableInstance variable : runtime.createVariableInstanceQuery()
				.processInstanceIdIn(instances)
				.variableNameIn(DocumentationProcess.Variables.DOCUMENT_TYPE, DocumentationProcess.Variables.MEMBER_NO,
						DocumentationProcess.Variables.SITUATION, DocumentationProcess.Variables.COUNTRY,
						DocumentationProcess.Variables.OFFICE_CODE, DocumentationProcess.Variables.APPOINTMENT_AT,
						DocumentationProcess.Variables.REMINDER_AT)
				.listPage(0, LOOKUP_LIMIT)) {
				byExecution.computeIfAbsent(variable.getExecutionId(), id -> new TreeMap<>())
					.put(variable.getName(), variable.getValue());
			}
			return byExecution.values().stream()
				.filter(v -> v.get(DocumentationProcess.Variables.DOCUMENT_TYPE) != null
						&& v.get(DocumentationProcess.Variables.MEMBER_NO) != null)
				.map(v -> new Trail((String) v.get(DocumentationProcess.Variables.DOCUMENT_TYPE),
						((Number) v.get(DocumentationProcess.Variables.MEMBER_NO)).intValue(),
						(String) v.get(DocumentationProcess.Variables.SITUATION),
						(String) v.get(DocumentationProcess.Variables.COUNTRY),
						(String) v.get(DocumentationProcess.Variables.OFFICE_CODE),
						instant(v.get(DocumentationProcess.Variables.APPOINTMENT_AT)),
						instant(v.get(DocumentationProcess.Variables.REMINDER_AT))))
				.sorted(Comparator.comparing(Trail::memberNo).thenComparing(Trail::documentType))
				.toList();
		});
	}

	private void checklist(Paper paper, CaseFile file, ServiceUnit owner, Instant now) {
		List<Trail> trails = trails(file.getCaseNumber());
		if (trails.isEmpty()) {
			throw missing(paper, "documents");
		}
		for (Trail trail : trails) {
			paper.add(Style.HEADING, words -> words.text("checklist.item", "document",
					words.text("document." + trail.documentType()), "member", memberName(file, trail.memberNo())));
			paper.explain("document." + trail.documentType());
			Checklist checklist = checklistOf(trail);
			bring(paper, checklist);
			if (checklist.feeWaived()) {
				paper.add(Style.TEXT, words -> words.text("checklist.noFee"));
			}
			String personFee = checklistText(paper, checklist, "fee");
			String staffFee = checklistStaffText(paper, checklist, "fee");
			paper.add(Style.TEXT, paper.person().text("checklist.fee", "fee", personFee),
					paper.staff() == null ? null : paper.staff().text("checklist.fee", "fee", staffFee));
			office(paper, trail, checklist, owner).ifPresentOrElse(office -> {
				paper.add(Style.TEXT, "checklist.office", "office", office.getName());
				paper.explain("office." + checklist.officeKind());
				place(paper, office, now);
			}, () -> {
				paper.explain("office." + checklist.officeKind());
				paper.add(Style.TEXT, "checklist.askUs");
			});
		}
	}

	private void appointments(Paper paper, CaseFile file, ServiceUnit owner, Instant now) {
		List<Trail> planned = trails(file.getCaseNumber()).stream()
			.filter(trail -> trail.appointmentAt() != null && !trail.appointmentAt().isBefore(now))
			.sorted(Comparator.comparing(Trail::appointmentAt))
			.toList();
		if (planned.isEmpty()) {
			throw missing(paper, "appointment");
		}
		for (Trail trail : planned) {
			Checklist checklist = checklistOf(trail);
			Optional<ServiceUnit> office = office(paper, trail, checklist, owner);
			ServiceUnit where = office.orElse(owner);
			ZonedDateTime at = trail.appointmentAt().atZone(where.getZone());
			paper.add(Style.HEADING, words -> words.text("appointment.when", "when", words.dateTime(at)));
			paper.add(Style.TEXT, words -> words.text("appointment.for", "document",
					words.text("document." + trail.documentType()), "member", memberName(file, trail.memberNo())));
			paper.explain("document." + trail.documentType());
			paper.add(Style.TEXT, "time.local", "city", where.getMunicipality());
			if (office.isPresent()) {
				paper.add(Style.TEXT, "appointment.office", "office", office.get().getName());
				paper.explain("office." + checklist.officeKind());
				where(paper, office.get());
			}
			else {
				paper.explain("office." + checklist.officeKind());
				paper.add(Style.TEXT, "checklist.askUs");
			}
			bring(paper, checklist);
			ZonedDateTime dayBefore = at.minusDays(1);
			paper.add(Style.TEXT, words -> words.text("appointment.dayBefore", "date", words.date(dayBefore)));
			if (trail.reminderAt() != null) {
				ZonedDateTime call = trail.reminderAt().atZone(owner.getZone());
				paper.add(Style.NOTE, words -> words.text("appointment.reminder", "unit", owner.getName(), "date",
						words.date(call)));
			}
		}
	}

	private void shelter(Paper paper, CaseFile file, Instant now) {
		Placement placement = shelters.currentPlacement(file.getCaseNumber())
			.orElseThrow(() -> missing(paper, "shelter"));
		ServiceUnit shelter = units.unit(placement.shelterCode());
		paper.add(Style.HEADING, "shelter.name", "shelter", shelter.getName());
		paper.explain("kind." + shelter.getKind());
		ZonedDateTime since = placement.since().atZone(shelter.getZone());
		paper.add(Style.TEXT, words -> words.text("shelter.beds", "beds", placement.beds(), "date", words.date(since)));
		place(paper, shelter, now);
		paper.add(Style.TEXT, "shelter.ask");
	}

	private void enrolment(Paper paper, CaseFile file, Instant now) {
		List<Enrollment> seats = classes.enrollmentsOfCase(file.getCaseNumber()).stream()
			.filter(Enrollment::holdsSeat)
			.toList();
		if (seats.isEmpty()) {
			throw missing(paper, "class");
		}
		for (Enrollment seat : seats) {
			ServiceUnit course = units.unit(seat.classCode());
			String learner = learner(file, seat.learnerRef());
			paper.add(Style.HEADING, "class.name", "class", course.getName(), "member", learner);
			paper.explain("kind." + course.getKind());
			ClassFacts facts = course.getLiteracyClass();
			if (facts != null) {
				paper.add(Style.TEXT, words -> words.text("class.language", "language",
						words.languageName(facts.language()), "level", words.text("level." + facts.level())));
				paper.add(Style.TEXT, words -> words.text("class.lessons") + "\n" + weekly(words, facts.sessions()));
			}
			ZonedDateTime since = seat.since().atZone(course.getZone());
			paper.add(Style.TEXT, words -> words.text("class.since", "date", words.date(since)));
			paper.add(Style.TEXT, "time.local", "city", course.getMunicipality());
			where(paper, course);
			paper.add(Style.TEXT, "class.ask");
		}
	}

	/** The checklist table's answer for a trail, from the engine's decision service. */
	private record Checklist(String rule, String papers, String officeKind, String fee, boolean feeWaived) {
	}

	private Checklist checklistOf(Trail trail) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put(DocumentationProcess.Variables.COUNTRY, trail.country());
		inputs.put(DocumentationProcess.Variables.DOCUMENT_TYPE, trail.documentType());
		inputs.put(DocumentationProcess.Variables.SITUATION, trail.situation());
		DmnDecisionResultEntries first = currentUser.asApplication(() -> decisions
			.evaluateDecisionByKey(DocumentationProcess.CHECKLIST_DECISION)
			.variables(inputs)
			.evaluate()
			.getFirstResult());
		if (first == null) {
			return new Checklist(null, "", "ASK_THE_OFFICE", "", false);
		}
		return new Checklist(first.getEntry(DocumentationProcess.Variables.CHECKLIST_RULE),
				first.getEntry(DocumentationProcess.Variables.PAPERS_TO_BRING),
				first.getEntry(DocumentationProcess.Variables.OFFICE_KIND),
				first.getEntry(DocumentationProcess.Variables.FEE),
				Boolean.TRUE.equals(first.getEntry(DocumentationProcess.Variables.FEE_WAIVED)));
	}

	/** The papers to bring, one per line, in each column's language. */
	private void bring(Paper paper, Checklist checklist) {
		paper.add(Style.TEXT, "checklist.bring");
		paper.add(Style.TEXT, asList(checklistText(paper, checklist, "papers")),
				asList(checklistStaffText(paper, checklist, "papers")));
		// only where the person's column shows the staff's words: one column, or English (the table's own)
		if (paper.staff() != null && !"en".equals(paper.person().language())
				&& !paper.person().translated().contains("checklist." + checklist.rule() + ".papers")) {
			paper.add(Style.NOTE, words -> words.text("checklist.untranslated", "language",
					words.languageName(staffLanguage(paper))));
		}
	}

	/**
	 * The checklist's sentence in the person's language: the papers bundle's translation of the rule,
	 * else (English) the table's own words, else the staff's translation (the note says so).
	 */
	private String checklistText(Paper paper, Checklist checklist, String part) {
		String english = "papers".equals(part) ? checklist.papers() : checklist.fee();
		String key = "checklist." + checklist.rule() + "." + part;
		if (checklist.rule() == null) {
			return english == null ? "" : english;
		}
		if (paper.person().translated().contains(key)) {
			return paper.person().text(key);
		}
		if ("en".equals(paper.person().language())) {
			return english;
		}
		return staffTexts.in(staffLanguage(paper)).textOr(key, english);
	}

	private String checklistStaffText(Paper paper, Checklist checklist, String part) {
		String english = "papers".equals(part) ? checklist.papers() : checklist.fee();
		if (checklist.rule() == null) {
			return english == null ? "" : english;
		}
		return staffTexts.in(staffLanguage(paper)).textOr("checklist." + checklist.rule() + "." + part, english);
	}

	/** A paper the case has nothing for: 404, in the staff's language. */
	private static NotFoundException missing(Paper paper, String what) {
		PaperWords staff = paper.staff() != null ? paper.staff() : paper.person();
		return new NotFoundException(staff.text("missing." + what, "case", paper.caseNumber()));
	}

	private static String staffLanguage(Paper paper) {
		return paper.staff() != null ? paper.staff().language() : paper.person().language();
	}

	/** "a; b; c" as one paper per line. */
	private static String asList(String sentence) {
		return java.util.Arrays.stream(sentence.split(";\\s*"))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.map(s -> "• " + s)
			.collect(Collectors.joining("\n"));
	}

	/** The trail's office, else the directory's office for the document where the case's unit is. */
	private Optional<ServiceUnit> office(Paper paper, Trail trail, Checklist checklist, ServiceUnit owner) {
		if (trail.officeCode() != null && units.isActive(trail.officeCode())) {
			return Optional.of(units.unit(trail.officeCode()));
		}
		try {
			return units.officeFor(org.acolhida.units.DocumentType.valueOf(trail.documentType()),
					owner.getMunicipality());
		}
		catch (IllegalArgumentException e) {
			return Optional.empty(); // a document type the directory no longer knows: the worker names the office
		}
	}

	/** Address, contact, opening now or next, weekly hours and the time zone they are in. */
	private void place(Paper paper, ServiceUnit unit, Instant now) {
		where(paper, unit);
		OpeningAt opening = units.openingAt(unit.getCode(), now);
		if (opening.open() && opening.until().isPresent()) {
			paper.add(Style.TEXT, words -> words.text("open.now", "until", PaperWords.time(opening.until().get())));
		}
		else if (opening.next().isPresent()) {
			var next = opening.next().get();
			paper.add(Style.TEXT, words -> words.text("open.next", "when", words.dateTime(next.opens()), "closes",
					PaperWords.time(next.closes())));
		}
		else {
			paper.add(Style.TEXT, "open.unknown");
		}
		if (!unit.getOpeningHours().isEmpty()) {
			paper.add(Style.TEXT, words -> words.text("hours.title", "city", unit.getMunicipality()) + "\n"
					+ weekly(words, unit.getOpeningHours()));
		}
	}

	private static void where(Paper paper, ServiceUnit unit) {
		if (unit.getAddress() != null) {
			paper.add(Style.TEXT, "where.address", "address", unit.getAddress());
		}
		if (unit.getContact() != null) {
			paper.add(Style.TEXT, "where.contact", "contact", unit.getContact());
		}
	}

	/** "Monday: 09:00–12:00" one line per day, Monday first. */
	private static String weekly(PaperWords words, List<? extends WeeklySlot> slots) {
		Map<Integer, List<String>> byDay = new TreeMap<>();
		for (WeeklySlot slot : slots) {
			byDay.computeIfAbsent(slot.dayOfWeek(), d -> new ArrayList<>())
				.add(PaperWords.minutes(slot.opensMinute()) + "–" + PaperWords.minutes(slot.closesMinute()));
		}
		return byDay.entrySet().stream()
			.map(day -> words.weekday(DayOfWeek.of(day.getKey())) + ": " + String.join(", ", day.getValue()))
			.collect(Collectors.joining("\n"));
	}

	private static String memberName(CaseFile file, int memberNo) {
		return file.getMembers().stream().filter(m -> m.memberNo() == memberNo).findFirst().map(Member::fullName)
			.orElse("#" + memberNo);
	}

	private static String learner(CaseFile file, String learnerRef) {
		String prefix = file.getCaseNumber() + "-M";
		if (learnerRef != null && learnerRef.startsWith(prefix)) {
			try {
				return memberName(file, Integer.parseInt(learnerRef.substring(prefix.length())));
			}
			catch (NumberFormatException e) {
				// not a member reference: the paper names the case's reference person below
			}
		}
		return file.getReferencePerson().fullName();
	}

	private static Instant instant(Object value) {
		return value instanceof Date date ? date.toInstant() : null;
	}

}
