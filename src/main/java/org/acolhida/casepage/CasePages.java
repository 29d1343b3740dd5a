package org.acolhida.casepage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.Member;
import org.acolhida.documentation.DocumentationProcess;
import org.acolhida.identity.CurrentUser;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;
import org.acolhida.language.Words;
import org.acolhida.reception.Nationalities;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Composes a case's {@link CasePage} in a reader's language from the case file, the unit directory,
 * the engine (the case's process instances, their variables and open tasks) and the tables of housing,
 * literacy and issued documents.
 * <p>
 * The caller has already decided that the reader may see the case ({@link CasePageController}). The
 * engine is then read without the reader's own authorizations: a worker of the unit may read the whole
 * case, including the open tasks of other desks (a housing task seen from reception), which the engine
 * would hide from them one by one.
 */
@Component
class CasePages {

	static final String BUNDLE = "i18n/case-page";

	/** The variables of the reception instance that hold the triage's decision. */
	private static final List<String> TRIAGE = List.of(ReceptionProcess.Variables.PRIORITY,
			ReceptionProcess.Variables.REFER_DOCUMENTATION, ReceptionProcess.Variables.REFER_HOUSING,
			ReceptionProcess.Variables.REFER_LITERACY, ReceptionProcess.Variables.REFER_CREAS,
			ReceptionProcess.Variables.REFER_LEGAL_AID, ReceptionProcess.Variables.REFER_HEALTH,
			ReceptionProcess.Variables.IMMEDIATE_HOUSING);

	/**
	 * The variables of each generic referral, local to its subprocess instance (its inputs, which the
	 * delegate that finds the unit fills). Not the kind the instance was started for, which the engine
	 * keeps on the multi-instance's own execution, nor the outcome, which the form writes to the whole
	 * reception instance.
	 */
	private static final List<String> NEXT_STOP = List.of(ReceptionProcess.Variables.REFERRAL_KIND_TEXT,
			ReceptionProcess.Variables.REFERRAL_UNIT_CODE, ReceptionProcess.Variables.REFERRAL_UNIT_NAME,
			ReceptionProcess.Variables.REFERRAL_WHERE);

	/** The variables of each document trail (local to its subprocess instance). */
	private static final List<String> TRAIL = List.of(DocumentationProcess.Variables.DOCUMENT_TYPE,
			DocumentationProcess.Variables.MEMBER_NAME, DocumentationProcess.Variables.OFFICE_CODE,
			DocumentationProcess.Variables.OFFICE_NAME, DocumentationProcess.Variables.APPOINTMENT_AT);

	/** Headings and column names the page shows, sent with every page. */
	private static final List<String> LABELS = List.of("title", "household", "name", "relation", "born", "age",
			"nationality", "languages", "triage", "priority", "referralsStarted", "nextStops", "nextOpening",
			"notDecided", "referrals", "openTasks", "task", "who", "due", "noOpenTasks", "appointments",
			"noAppointments", "noReferrals", "district", "interpreter", "openedOn", "status", "unit", "immediateHousing",
			"where");

	private static final ResourceBundleMessageSource MESSAGES = WorkLanguage.messages(BUNDLE);

	private static final ResourceBundleMessageSource ROLES = WorkLanguage.messages("i18n/tasklists");

	private final CaseFiles cases;

	private final UnitDirectory units;

	private final ComposedTexts composed;

	private final HistoryService history;

	private final TaskService tasks;

	private final IdentityService identity;

	private final CurrentUser currentUser;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CasePages(CaseFiles cases, UnitDirectory units, ComposedTexts composed, HistoryService history, TaskService tasks,
			IdentityService identity, CurrentUser currentUser, JdbcTemplate jdbc, Clock clock) {
		this.cases = cases;
		this.units = units;
		this.composed = composed;
		this.history = history;
		this.tasks = tasks;
		this.identity = identity;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The page of a case the reader may see, in {@code language} (pt-BR, it or en). */
	CasePage of(CaseFile file, String language) {
		return currentUser.asApplication(() -> compose(file, language));
	}

	/** The case number of a process instance, read whatever the reader may read of the instance itself. */
	Optional<String> caseNumberOfInstance(String processInstanceId) {
		return currentUser.asApplication(() -> Optional.ofNullable(history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()).map(HistoricProcessInstance::getBusinessKey));
	}

	/**
	 * What the triage decided for a case, in {@code language}, for the case list: read as the
	 * application, like the page; the caller has decided that the reader may see the case.
	 */
	CasePage.Triage triageOf(String caseNumber, String language) {
		return currentUser.asApplication(() -> {
			List<HistoricProcessInstance> receptions = history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(caseNumber)
				.processDefinitionKey(ReceptionProcess.KEY)
				.orderByProcessInstanceStartTime()
				.asc()
				.listPage(0, 20);
			return triage(receptions, variables(receptions), new Texts(composed.in(language)));
		});
	}

	/** Texts of the page's bundle ({@code label.<key>}) in {@code language}, by key. */
	static Map<String, String> labels(List<String> keys, String language) {
		Locale locale = WorkLanguage.locale(language);
		Map<String, String> labels = new LinkedHashMap<>();
		keys.forEach(key -> labels.put(key, MESSAGES.getMessage("label." + key, null, locale)));
		return labels;
	}

	/** A case state ({@code OPEN}) in {@code language}. */
	static String status(String status, String language) {
		return MESSAGES.getMessage("status." + status, null, WorkLanguage.locale(language));
	}

	private CasePage compose(CaseFile file, String language) {
		Texts texts = new Texts(composed.in(language));
		ServiceUnit unit = units.unit(file.getOwningUnit());
		ZoneId zone = unit.getZone();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(file.getCaseNumber())
			.orderByProcessInstanceStartTime()
			.asc()
			.listPage(0, 200);
		Map<String, List<HistoricVariableInstance>> variables = variables(instances);

		Map<String, String> labels = new LinkedHashMap<>();
		LABELS.forEach(key -> labels.put(key, texts.get("label." + key)));
		List<CasePage.Person> household = file.getMembers()
			.stream()
			.map(m -> new CasePage.Person(m.fullName(), texts.get("relation." + m.relation()),
					m.birthDate() == null ? "" : texts.words.date(m.birthDate()),
					m.birthDate() == null ? 0 : m.ageOn(today), Nationalities.name(m.nationality(), language),
					m.languageList().stream().map(code -> languageName(code, texts.locale)).toList()))
			.toList();
		return new CasePage(language, file.getCaseNumber(), unit.getName(), texts.get("status." + file.getStatus()),
				texts.words.date(LocalDate.ofInstant(file.getOpenedAt(), zone)), file.getDistrict(),
				file.isInterpreterNeeded(), labels, household, triage(instances, variables, texts),
				referrals(file, instances, variables, texts, zone), openTasks(file.getCaseNumber(), texts, zone),
				appointments(instances, variables, texts, zone));
	}

	/** Every variable of the case's instances that the page reads, by process instance. */
	private Map<String, List<HistoricVariableInstance>> variables(List<HistoricProcessInstance> instances) {
		Map<String, List<HistoricVariableInstance>> byInstance = new HashMap<>();
		if (instances.isEmpty()) {
			return byInstance;
		}
		List<String> names = new ArrayList<>(TRIAGE);
		names.addAll(NEXT_STOP);
		names.addAll(TRAIL);
		history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
			.variableNameIn(names.toArray(String[]::new))
			.listPage(0, 2000)
			.forEach(v -> byInstance.computeIfAbsent(v.getProcessInstanceId(), id -> new ArrayList<>()).add(v));
		return byInstance;
	}

	private CasePage.Triage triage(List<HistoricProcessInstance> instances,
			Map<String, List<HistoricVariableInstance>> variables, Texts texts) {
		// The latest reception of the case: a follow-up that reopens listening decides again in it.
		Optional<HistoricProcessInstance> reception = instances.stream()
			.filter(i -> ReceptionProcess.KEY.equals(i.getProcessDefinitionKey()))
			.reduce((first, second) -> second);
		if (reception.isEmpty()) {
			return new CasePage.Triage(false, null, List.of(), List.of());
		}
		List<HistoricVariableInstance> own = variables.getOrDefault(reception.get().getId(), List.of());
		Map<String, Object> decision = new HashMap<>();
		own.stream().filter(v -> TRIAGE.contains(v.getName())).forEach(v -> decision.put(v.getName(), v.getValue()));
		Object priority = decision.get(ReceptionProcess.Variables.PRIORITY);
		if (priority == null) {
			return new CasePage.Triage(false, null, List.of(), List.of());
		}
		List<String> started = new ArrayList<>();
		if (flag(decision, ReceptionProcess.Variables.REFER_DOCUMENTATION)) {
			started.add(processName(ReceptionProcess.DOCUMENTATION_GUIDANCE, texts));
		}
		if (flag(decision, ReceptionProcess.Variables.REFER_HOUSING)) {
			started.add(processName(ReceptionProcess.HOUSING_REFERRAL, texts)
					+ (flag(decision, ReceptionProcess.Variables.IMMEDIATE_HOUSING)
							? " (" + texts.get("label.immediateHousing") + ")" : ""));
		}
		if (flag(decision, ReceptionProcess.Variables.REFER_LITERACY)) {
			started.add(processName(ReceptionProcess.LITERACY_ENROLLMENT, texts));
		}
		if (flag(decision, ReceptionProcess.Variables.REFER_CREAS)) {
			started.add(texts.words.word("unitKind", "CREAS"));
		}
		if (flag(decision, ReceptionProcess.Variables.REFER_LEGAL_AID)) {
			started.add(texts.words.word("unitKind", "LEGAL_AID"));
		}
		if (flag(decision, ReceptionProcess.Variables.REFER_HEALTH)) {
			started.add(texts.words.word("unitKind", "HEALTH"));
		}
		return new CasePage.Triage(true, texts.get("priority." + priority), started, nextStops(own, texts));
	}

	/**
	 * Where the generic referrals send the person, one per subprocess instance; the next opening is
	 * computed now, not when the referral was made, so that it is still ahead when the worker reads it.
	 */
	private List<CasePage.NextStop> nextStops(List<HistoricVariableInstance> own, Texts texts) {
		Map<String, Map<String, Object>> byScope = new LinkedHashMap<>();
		own.stream()
			.filter(v -> NEXT_STOP.contains(v.getName()))
			.sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime))
			.forEach(v -> byScope.computeIfAbsent(v.getExecutionId(), id -> new HashMap<>()).put(v.getName(), v.getValue()));
		List<CasePage.NextStop> stops = new ArrayList<>();
		for (Map<String, Object> referral : byScope.values()) {
			Object code = referral.get(ReceptionProcess.Variables.REFERRAL_UNIT_CODE);
			if (code != null && units.isActive(code.toString())) {
				ServiceUnit unit = units.unit(code.toString());
				stops.add(new CasePage.NextStop(texts.words.word("unitKind", unit.getKind()), unit.getName(),
						text(referral.get(ReceptionProcess.Variables.REFERRAL_WHERE)),
						texts.words.opening(units.openingAt(unit.getCode(), clock.instant()), unit.getZone())));
			}
			else if (referral.get(ReceptionProcess.Variables.REFERRAL_KIND_TEXT) != null) {
				// No unit of that kind in the network there: the worker arranges it by hand.
				stops.add(new CasePage.NextStop(text(referral.get(ReceptionProcess.Variables.REFERRAL_KIND_TEXT)),
						text(referral.get(ReceptionProcess.Variables.REFERRAL_UNIT_NAME)), "", texts.get("label.byHand")));
			}
		}
		return stops;
	}

	private List<CasePage.Referral> referrals(CaseFile file, List<HistoricProcessInstance> instances,
			Map<String, List<HistoricVariableInstance>> variables, Texts texts, ZoneId zone) {
		List<CasePage.Referral> referrals = new ArrayList<>();
		boolean housingFacts = false;
		boolean literacyFacts = false;
		boolean issuedFacts = false;
		for (HistoricProcessInstance instance : instances) {
			String key = instance.getProcessDefinitionKey();
			if (ReceptionProcess.KEY.equals(key)) {
				continue;
			}
			List<String> facts = new ArrayList<>();
			if (DocumentationProcess.KEY.equals(key)) {
				facts.addAll(trails(variables.getOrDefault(instance.getId(), List.of()), texts));
				if (!issuedFacts) {
					facts.addAll(issued(file, texts));
					issuedFacts = true;
				}
			}
			else if (ReceptionProcess.HOUSING_REFERRAL.equals(key) && !housingFacts) {
				facts.addAll(housing(file.getCaseNumber(), texts, zone));
				housingFacts = true;
			}
			else if (ReceptionProcess.LITERACY_ENROLLMENT.equals(key) && !literacyFacts) {
				facts.addAll(literacy(file, texts, zone));
				literacyFacts = true;
			}
			referrals.add(new CasePage.Referral(processName(key, instance.getProcessDefinitionName(), texts),
					texts.get("state." + instance.getState()),
					texts.words.date(LocalDate.ofInstant(instance.getStartTime().toInstant(), zone)), facts));
		}
		return referrals;
	}

	/** The documents a documentation instance works on, one per trail: "CPF · Rosa Pérez". */
	private static List<String> trails(List<HistoricVariableInstance> own, Texts texts) {
		Map<String, Map<String, Object>> byScope = new LinkedHashMap<>();
		own.stream()
			.filter(v -> TRAIL.contains(v.getName()))
			.sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime))
			.forEach(v -> byScope.computeIfAbsent(v.getExecutionId(), id -> new HashMap<>()).put(v.getName(), v.getValue()));
		List<String> facts = new ArrayList<>();
		for (Map<String, Object> trail : byScope.values()) {
			Object type = trail.get(DocumentationProcess.Variables.DOCUMENT_TYPE);
			if (type != null) {
				String office = text(trail.get(DocumentationProcess.Variables.OFFICE_NAME));
				facts.add(texts.get("fact.trail", texts.words.word("documentType", type),
						text(trail.get(DocumentationProcess.Variables.MEMBER_NAME)))
						+ (office.isEmpty() ? "" : " · " + office));
			}
		}
		return facts;
	}

	private List<String> issued(CaseFile file, Texts texts) {
		return jdbc.query("""
				SELECT member_no, document_type, issued_on, expires_on FROM issued_document
				WHERE case_number = ? ORDER BY issued_on, member_no
				""", (rs, row) -> {
			String document = texts.words.word("documentType", rs.getString("document_type"));
			String who = memberName(file, rs.getInt("member_no"));
			String issuedOn = texts.words.date(rs.getDate("issued_on").toLocalDate());
			java.sql.Date expires = rs.getDate("expires_on");
			return expires == null ? texts.get("fact.issued", document, who, issuedOn)
					: texts.get("fact.issuedExpires", document, who, issuedOn,
							texts.words.date(expires.toLocalDate()));
		}, file.getCaseNumber());
	}

	/** Beds held, a placement, a place on the waiting list: what the housing referral has reached. */
	private List<String> housing(String caseNumber, Texts texts, ZoneId zone) {
		List<String> facts = new ArrayList<>();
		facts.addAll(jdbc.query("""
				SELECT u.name, h.beds, h.expires_at FROM bed_hold h JOIN service_unit u ON u.id = h.service_unit
				WHERE h.case_number = ? AND h.status = 'HELD' ORDER BY h.held_at
				""", (rs, row) -> texts.get("fact.held", rs.getInt("beds"), rs.getString("name"),
				texts.dateTime(rs.getTimestamp("expires_at"), zone)), caseNumber));
		facts.addAll(jdbc.query("""
				SELECT u.name, p.beds, p.since FROM placement p JOIN service_unit u ON u.id = p.service_unit
				WHERE p.case_number = ? AND p.ended_at IS NULL ORDER BY p.since
				""", (rs, row) -> texts.get("fact.placed", rs.getInt("beds"), rs.getString("name"),
				texts.date(rs.getTimestamp("since"), zone)), caseNumber));
		facts.addAll(jdbc.query("""
				SELECT since FROM waitlist_entry WHERE case_number = ? AND status = 'WAITING' ORDER BY since
				""", (rs, row) -> texts.get("fact.housingWaitlist", texts.date(rs.getTimestamp("since"), zone)),
				caseNumber));
		return facts;
	}

	/** Seats taken and places on a class's waiting list, per learner of the household. */
	private List<String> literacy(CaseFile file, Texts texts, ZoneId zone) {
		List<String> facts = new ArrayList<>();
		facts.addAll(jdbc.query("""
				SELECT e.learner_ref, u.name, e.since FROM class_enrollment e JOIN service_unit u ON u.id = e.class_unit
				WHERE e.case_number = ? AND e.status = 'ENROLLED' ORDER BY e.since
				""", (rs, row) -> texts.get("fact.enrolled", learner(file, rs.getString("learner_ref")),
				rs.getString("name"), texts.date(rs.getTimestamp("since"), zone)), file.getCaseNumber()));
		facts.addAll(jdbc.query("""
				SELECT learner_ref, since FROM class_waitlist
				WHERE case_number = ? AND status IN ('WAITING', 'OFFERED') ORDER BY since
				""", (rs, row) -> texts.get("fact.classWaitlist", learner(file, rs.getString("learner_ref")),
				texts.date(rs.getTimestamp("since"), zone)), file.getCaseNumber()));
		return facts;
	}

	/** The case's open tasks, soonest due first: who has each, or else the desk that may take it. */
	private List<CasePage.OpenTask> openTasks(String caseNumber, Texts texts, ZoneId zone) {
		List<Task> open = tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.active()
			.orderByTaskCreateTime()
			.asc()
			.listPage(0, 200);
		return open.stream()
			.sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())))
			.map(task -> new CasePage.OpenTask(task.getName(),
					task.getAssignee() != null ? userName(task.getAssignee()) : desks(task.getId(), texts),
					task.getDueDate() == null ? "" : texts.dateTime(task.getDueDate(), zone)))
			.toList();
	}

	/** Documentation appointments still ahead, soonest first, at the office's time (the case unit's if unknown). */
	private List<CasePage.Appointment> appointments(List<HistoricProcessInstance> instances,
			Map<String, List<HistoricVariableInstance>> variables, Texts texts, ZoneId caseZone) {
		Instant now = clock.instant();
		record Ahead(Instant at, CasePage.Appointment appointment) {
		}
		List<Ahead> ahead = new ArrayList<>();
		for (HistoricProcessInstance instance : instances) {
			if (!DocumentationProcess.KEY.equals(instance.getProcessDefinitionKey())
					|| !"ACTIVE".equals(instance.getState())) {
				continue;
			}
			Map<String, Map<String, Object>> byScope = new LinkedHashMap<>();
			variables.getOrDefault(instance.getId(), List.of())
				.stream()
				.filter(v -> TRAIL.contains(v.getName()))
				.forEach(v -> byScope.computeIfAbsent(v.getExecutionId(), id -> new HashMap<>())
					.put(v.getName(), v.getValue()));
			for (Map<String, Object> trail : byScope.values()) {
				if (trail.get(DocumentationProcess.Variables.APPOINTMENT_AT) instanceof Date date
						&& date.toInstant().isAfter(now)) {
					String office = text(trail.get(DocumentationProcess.Variables.OFFICE_NAME));
					String what = texts.get("fact.trail",
							texts.words.word("documentType", trail.get(DocumentationProcess.Variables.DOCUMENT_TYPE)),
							text(trail.get(DocumentationProcess.Variables.MEMBER_NAME)))
							+ (office.isEmpty() ? "" : " · " + office);
					ahead.add(new Ahead(date.toInstant(), new CasePage.Appointment(what,
							texts.dateTime(date,
							officeZone(trail.get(DocumentationProcess.Variables.OFFICE_CODE)).orElse(caseZone)))));
				}
			}
		}
		return ahead.stream().sorted(Comparator.comparing(Ahead::at)).map(Ahead::appointment).toList();
	}

	/** The time zone of the office a trail names by code, as the directory has it. */
	private Optional<ZoneId> officeZone(Object officeCode) {
		return officeCode != null && units.isActive(officeCode.toString())
				? Optional.of(units.unit(officeCode.toString()).getZone()) : Optional.empty();
	}

	private String desks(String taskId, Texts texts) {
		List<String> desks = new ArrayList<>();
		for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
			String group = link.getGroupId();
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group != null && group.contains(".")) {
				String role = group.substring(0, group.indexOf('.'));
				String unitCode = group.substring(group.indexOf('.') + 1);
				String roleName = ROLES.getMessage("role." + role, null, role, texts.locale);
				desks.add(units.isActive(unitCode) ? roleName + " · " + units.unit(unitCode).getName() : roleName);
			}
		}
		return desks.isEmpty() ? texts.get("who.nobody") : texts.get("who.desk", String.join(", ", desks));
	}

	private String userName(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		return name.isEmpty() ? userId : name;
	}

	private static String learner(CaseFile file, String learnerRef) {
		String prefix = file.getCaseNumber() + "-M";
		if (learnerRef != null && learnerRef.startsWith(prefix)) {
			try {
				return memberName(file, Integer.parseInt(learnerRef.substring(prefix.length())));
			}
			catch (NumberFormatException e) {
				// not a learner reference of this application: shown as it is below
			}
		}
		return String.valueOf(learnerRef);
	}

	private static String memberName(CaseFile file, int memberNo) {
		return file.getMembers()
			.stream()
			.filter(m -> m.memberNo() == memberNo)
			.map(Member::fullName)
			.findFirst()
			.orElse("");
	}

	private static String processName(String key, Texts texts) {
		return processName(key, key, texts);
	}

	/** A process's name in the reader's language, from its bundle beside the protocols; else the diagram's. */
	private static String processName(String key, String diagramName, Texts texts) {
		Map<String, String> names = ProtocolTexts.fromClasspath(ProtocolTexts.fileName(key, texts.language));
		return names.getOrDefault("process.name", diagramName == null ? key : diagramName);
	}

	/** "espanhol", "spagnolo": a language code in the reader's words. */
	private static String languageName(String code, Locale reader) {
		String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
		return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
	}

	private static boolean flag(Map<String, Object> values, String name) {
		return Boolean.TRUE.equals(values.get(name));
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	/** The page's own texts and the composed words of one language. */
	private static final class Texts {

		final String language;

		final Locale locale;

		final Words words;

		Texts(Words words) {
			this.language = words.language();
			this.locale = WorkLanguage.locale(this.language);
			this.words = words;
		}

		String get(String key, Object... args) {
			String text = MESSAGES.getMessage(key, null, locale);
			for (int i = 0; i < args.length; i++) {
				text = text.replace("{" + i + "}", String.valueOf(args[i]));
			}
			return text;
		}

		String date(Timestamp at, ZoneId zone) {
			return words.date(LocalDate.ofInstant(at.toInstant(), zone));
		}

		String dateTime(Date at, ZoneId zone) {
			return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
				.withLocale(locale)
				.withZone(zone)
				.format(at.toInstant());
		}

	}

}
