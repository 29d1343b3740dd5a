package org.acolhida.diagnosis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.identity.CurrentUser;
import org.acolhida.language.WorkLanguage;
import org.acolhida.staff.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the municipal diagnosis: who may read which units, the figures from {@link DiagnosisQueries},
 * every count through {@link SmallCounts}, every key in the reader's words ({@link Names}).
 * <p>
 * Managers and the set-up administrator read every unit of the municipality; a coordinator only the
 * units they belong to; anyone else, or a coordinator with no unit there, gets 403. Counts are hidden
 * below five for everyone, a coordinator included: the diagnosis and its downloads leave the unit's
 * own view (the unit reviews its own cases by name in its monthly report).
 */
@Service
@Transactional(readOnly = true)
class DiagnosisService {

	/** The longest period one request may cover, so that a typo cannot ask for centuries. */
	static final int MAX_MONTHS = 36;

	static final List<String> AGE_GROUPS = List.of("0-5", "6-11", "12-17", "18-29", "30-59", "60+");

	private final DiagnosisQueries queries;

	private final Names names;

	private final CurrentUser currentUser;

	private final WorkLanguage workLanguage;

	private final Clock clock;

	DiagnosisService(DiagnosisQueries queries, Names names, CurrentUser currentUser, WorkLanguage workLanguage,
			Clock clock) {
		this.queries = queries;
		this.names = names;
		this.currentUser = currentUser;
		this.workLanguage = workLanguage;
		this.clock = clock;
	}

	/** The signed-in reader's language. */
	String language() {
		return workLanguage.forCurrentUser(null);
	}

	/** Refuses anyone who may read no diagnosis at all (before any input is looked at). */
	void requireReader() {
		if (!currentUser.isNetwork() && !currentUser.isMember(Role.COORDINATOR.groupId())) {
			throw new ForbiddenException(names.text("forbidden", language()));
		}
	}

	Diagnosis of(String municipality, LocalDate from, LocalDate to) {
		requireReader();
		String language = language();
		if (municipality == null || municipality.isBlank()) {
			throw new InvalidInputException("municipality", names.text("error.municipality", language));
		}
		if (from == null || to == null || to.isBefore(from)) {
			throw new InvalidInputException("to", names.text("error.period", language));
		}
		if (YearMonth.from(from).plusMonths(MAX_MONTHS).isBefore(YearMonth.from(to))) {
			throw new InvalidInputException("to", names.text("error.tooLong", language, MAX_MONTHS));
		}
		List<DiagnosisQueries.Unit> doors = queries.entryDoors(municipality);
		if (doors.isEmpty()) {
			throw new InvalidInputException("municipality", names.text("error.unknownMunicipality", language));
		}
		List<DiagnosisQueries.Unit> readable = currentUser.isNetwork() ? doors
				: doors.stream().filter(u -> currentUser.isMember(u.code())).toList();
		if (readable.isEmpty()) {
			throw new ForbiddenException(names.text("forbiddenUnits", language));
		}
		ZoneId zone = ZoneId.of(readable.get(0).timeZone());
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		Map<String, String> unitNames = readable.stream()
			.collect(Collectors.toMap(DiagnosisQueries.Unit::code, DiagnosisQueries.Unit::name, (a, b) -> a,
					LinkedHashMap::new));
		DiagnosisQueries.Period period = new DiagnosisQueries.Period(unitNames.keySet(), start, end, zone.getId());
		Instant now = clock.instant();
		Tables tables = new Tables(language, unitNames);
		List<Table> all = new ArrayList<>();
		all.addAll(tables.people(queries.people(period)));
		all.add(tables.needs(queries.needs(period)));
		all.add(tables.timeToFirstService(queries.timeToFirstService(period)));
		all.add(tables.waitingForBed(queries.waitingForBed(unitNames.keySet(), now)));
		all.add(tables.waitingForClass(queries.waitingForClass(unitNames.keySet(), now)));
		all.add(tables.noUnitFound(queries.noUnitFound(period)));
		all.add(tables.outcomes(queries.documentationOutcomes(period)));
		return new Diagnosis(municipality.strip(), from, to, language, now,
				unitNames.entrySet().stream().map(e -> new Diagnosis.UnitName(e.getKey(), e.getValue())).toList(),
				List.copyOf(all));
	}

	/** Turns the aggregates into tables in one reader's words. */
	private final class Tables {

		private final String language;

		private final Map<String, String> units;

		private final List<String> unitOrder;

		Tables(String language, Map<String, String> units) {
			this.language = language;
			this.units = units;
			this.unitOrder = List.copyOf(units.keySet());
		}

		private String t(String key, Object... arguments) {
			return names.text(key, language, arguments);
		}

		private String month(int yyyymm) {
			return String.format("%04d-%02d", yyyymm / 100, yyyymm % 100);
		}

		private String unit(String code) {
			return units.getOrDefault(code, code);
		}

		private int unitIndex(String code) {
			return unitOrder.indexOf(code);
		}

		/**
		 * People received per unit and month, and the same people by nationality, age group and first
		 * language: each breakdown of a unit's month is a line adding up to its total, suppressed as one.
		 */
		List<Table> people(List<DiagnosisQueries.People> groups) {
			Map<List<Object>, Long> totals = new TreeMap<>(keyOrder());
			for (DiagnosisQueries.People g : groups) {
				totals.merge(List.of(unitIndex(g.unit()), g.month(), g.unit()), g.people(), Long::sum);
			}
			List<Table.Row> totalRows = totals.entrySet().stream().map(e -> {
				String code = (String) e.getKey().get(2);
				int month = (Integer) e.getKey().get(1);
				return new Table.Row(List.of(code, month(month)), List.of(unit(code), month(month)),
						List.<Object>of(SmallCounts.shown(e.getValue())));
			}).toList();
			Map<String, String> typedNationality = new HashMap<>();
			Function<DiagnosisQueries.People, String> nationality = g -> {
				String key = names.nationalityKey(g.nationality());
				typedNationality.putIfAbsent(key, g.nationality());
				return key;
			};
			return List.of(
					new Table("people", t("table.people"), List.of(t("column.unit"), t("column.month")),
							List.of(t("column.people")), totalRows),
					breakdown("people-by-nationality", "table.nationality", "column.nationality", groups, nationality,
							key -> names.nationality(key, typedNationality.get(key), language), null),
					breakdown("people-by-age", "table.age", "column.ageGroup", groups, DiagnosisQueries.People::ageGroup,
							group -> group, AGE_GROUPS),
					breakdown("people-by-language", "table.language", "column.language", groups,
							DiagnosisQueries.People::language, code -> names.language(code, language), null));
		}

		private Table breakdown(String id, String title, String column, List<DiagnosisQueries.People> groups,
				Function<DiagnosisQueries.People, String> key, Function<String, String> label, List<String> order) {
			Map<List<Object>, Map<String, Long>> lines = new TreeMap<>(keyOrder());
			for (DiagnosisQueries.People g : groups) {
				lines.computeIfAbsent(List.of(unitIndex(g.unit()), g.month(), g.unit()), k -> new HashMap<>())
					.merge(key.apply(g), g.people(), Long::sum);
			}
			List<Table.Row> rows = new ArrayList<>();
			for (Map.Entry<List<Object>, Map<String, Long>> line : lines.entrySet()) {
				String code = (String) line.getKey().get(2);
				String month = month((Integer) line.getKey().get(1));
				Map<String, String> labels = new HashMap<>();
				line.getValue().keySet().forEach(k -> labels.put(k, label.apply(k)));
				List<String> keys = new ArrayList<>(line.getValue().keySet());
				keys.sort(order != null ? Comparator.comparingInt(order::indexOf)
						: Comparator.comparing((String k) -> -line.getValue().get(k)).thenComparing(labels::get));
				List<Count> counts = SmallCounts.line(keys.stream().map(line.getValue()::get).toList());
				for (int i = 0; i < keys.size(); i++) {
					rows.add(new Table.Row(List.of(code, month, keys.get(i)), List.of(unit(code), month,
							labels.get(keys.get(i))), List.of(counts.get(i))));
				}
			}
			return new Table(id, t(title), List.of(t("column.unit"), t("column.month"), t(column)),
					List.of(t("column.people")), rows);
		}

		Table needs(List<DiagnosisQueries.Need> groups) {
			List<Table.Row> rows = groups.stream()
				.sorted(Comparator.comparing((DiagnosisQueries.Need n) -> unitIndex(n.unit()))
					.thenComparing(DiagnosisQueries.Need::month)
					.thenComparing(n -> DiagnosisQueries.NEEDS.indexOf(n.need())))
				.map(n -> new Table.Row(List.of(n.unit(), month(n.month()), n.need()),
						List.of(unit(n.unit()), month(n.month()), t("need." + n.need())),
						List.<Object>of(SmallCounts.shown(n.people()))))
				.toList();
			return new Table("people-by-need", t("table.need"),
					List.of(t("column.unit"), t("column.month"), t("column.need")), List.of(t("column.people")), rows);
		}

		Table timeToFirstService(List<DiagnosisQueries.Waited> groups) {
			List<Table.Row> rows = groups.stream()
				.sorted(Comparator.comparing((DiagnosisQueries.Waited w) -> unitIndex(w.unit()))
					.thenComparing(DiagnosisQueries.Waited::service))
				.map(w -> {
					Count cases = SmallCounts.shown(w.cases());
					// a median of fewer than five cases would describe those cases
					boolean withheld = cases.hidden();
					List<Object> values = new ArrayList<>();
					values.add(cases);
					values.add(withheld ? null : days(w.medianHours()));
					values.add(withheld ? null : days(w.p90Hours()));
					return new Table.Row(List.of(w.unit(), w.service()), List.of(unit(w.unit()), service(w.service())),
							values);
				})
				.toList();
			return new Table("time-to-first-service", t("table.timeToService"),
					List.of(t("column.unit"), t("column.service")),
					List.of(t("column.cases"), t("column.medianDays"), t("column.p90Days")), rows);
		}

		private String service(String service) {
			return service.startsWith("REFERRAL_")
					? t("service.referral", t("unitKind." + service.substring("REFERRAL_".length())))
					: t("service." + service);
		}

		private Double days(Double hours) {
			return hours == null ? null : Math.round(hours / 24.0 * 10) / 10.0;
		}

		Table waitingForBed(List<DiagnosisQueries.WaitingForBed> groups) {
			List<Table.Row> rows = groups.stream()
				.sorted(Comparator.comparing(DiagnosisQueries.WaitingForBed::municipality)
					.thenComparing(DiagnosisQueries.WaitingForBed::district)
					.thenComparing(DiagnosisQueries.WaitingForBed::language)
					.thenComparing(w -> DiagnosisQueries.BANDS.indexOf(w.band())))
				.map(w -> new Table.Row(List.of(w.municipality(), w.district(), w.language(), w.band()),
						List.of(w.municipality(), district(w.district()), names.language(w.language(), language),
								t("band." + w.band())),
						List.<Object>of(SmallCounts.shown(w.households()))))
				.toList();
			return new Table("waiting-for-a-bed", t("table.waitingBed"),
					List.of(t("column.municipality"), t("column.district"), t("column.language"), t("column.waited")),
					List.of(t("column.households")), rows);
		}

		Table waitingForClass(List<DiagnosisQueries.WaitingForClass> groups) {
			List<Table.Row> rows = groups.stream()
				.sorted(Comparator.comparing(DiagnosisQueries.WaitingForClass::municipality)
					.thenComparing(DiagnosisQueries.WaitingForClass::district)
					.thenComparing(DiagnosisQueries.WaitingForClass::language)
					.thenComparing(DiagnosisQueries.WaitingForClass::level)
					.thenComparing(w -> DiagnosisQueries.BANDS.indexOf(w.band())))
				.map(w -> new Table.Row(List.of(w.municipality(), w.district(), w.language(), w.level(), w.band()),
						List.of(w.municipality(), district(w.district()), names.language(w.language(), language),
								t("level." + w.level()), t("band." + w.band())),
						List.<Object>of(SmallCounts.shown(w.learners()))))
				.toList();
			return new Table("waiting-for-a-class", t("table.waitingClass"),
					List.of(t("column.municipality"), t("column.district"), t("column.classLanguage"), t("column.level"),
							t("column.waited")),
					List.of(t("column.learners")), rows);
		}

		private String district(String district) {
			return district == null || district.isBlank() ? t("notRecorded") : district;
		}

		Table noUnitFound(List<DiagnosisQueries.NoUnit> groups) {
			List<Table.Row> rows = groups.stream()
				.sorted(Comparator.comparing((DiagnosisQueries.NoUnit n) -> unitIndex(n.unit()))
					.thenComparing(DiagnosisQueries.NoUnit::process))
				.map(n -> new Table.Row(List.of(n.unit(), n.process()),
						List.of(unit(n.unit()), t("missing." + n.process())),
						List.<Object>of(SmallCounts.shown(n.referrals()))))
				.toList();
			return new Table("no-unit-found", t("table.noUnitFound"), List.of(t("column.unit"), t("column.missing")),
					List.of(t("column.referrals")), rows);
		}

		Table outcomes(List<DiagnosisQueries.Outcome> groups) {
			Set<String> offices = groups.stream().map(DiagnosisQueries.Outcome::office)
				.filter(o -> !o.isBlank())
				.collect(Collectors.toSet());
			Map<String, String> officeNames = queries.units(offices).stream()
				.collect(Collectors.toMap(DiagnosisQueries.Unit::code, DiagnosisQueries.Unit::name));
			List<String> outcomes = List.of(DiagnosisQueries.ISSUED, DiagnosisQueries.REFUSED, DiagnosisQueries.GIVEN_UP);
			List<Table.Row> rows = groups.stream()
				.sorted(Comparator.comparing((DiagnosisQueries.Outcome o) -> names.document(o.documentType(), language))
					.thenComparing(o -> officeNames.getOrDefault(o.office(), ""))
					.thenComparing(o -> outcomes.indexOf(o.outcome())))
				.map(o -> new Table.Row(List.of(o.documentType(), o.office(), o.outcome()),
						List.of(names.document(o.documentType(), language),
								o.office().isBlank() ? t("notRecorded") : officeNames.getOrDefault(o.office(), t("otherOffice")),
								t("outcome." + o.outcome())),
						List.<Object>of(SmallCounts.shown(o.documents()))))
				.toList();
			return new Table("documentation-outcomes", t("table.outcomes"),
					List.of(t("column.document"), t("column.office"), t("column.outcome")), List.of(t("column.documents")),
					rows);
		}

		/** Rows in the order of the units' names, then by month. */
		private Comparator<List<Object>> keyOrder() {
			return Comparator.comparing((List<Object> k) -> (Integer) k.get(0)).thenComparing(k -> (Integer) k.get(1));
		}

	}

}
