package org.acolhida.units;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.acolhida.errors.FieldErrors;
import org.acolhida.units.ShelterFacts.ShelterTakes;
import org.acolhida.units.UnitDto.Interval;

/**
 * Turns what a manager sent into a unit, rejecting every invalid field at once, and a unit back
 * into what managers read. Nothing is written here: the caller saves only a unit that passed.
 */
final class UnitMapper {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private UnitMapper() {
	}

	/** Applies the fields of {@code dto} to {@code unit}, or throws with every field that is wrong. */
	static void apply(UnitDto dto, ServiceUnit unit, boolean creating) {
		FieldErrors errors = new FieldErrors();
		if (creating) {
			if (blank(dto.code())) {
				errors.reject("code", "is required");
			}
			else if (!CODE.matcher(dto.code()).matches()) {
				errors.reject("code", "must be 2 to 40 capital letters, digits or '-', e.g. SOR-CRAS-NORTE");
			}
		}
		else if (dto.code() != null && !dto.code().equals(unit.getCode())) {
			errors.reject("code", "cannot be changed: processes and groups refer to it");
		}
		required(errors, "name", dto.name(), 200);
		required(errors, "municipality", dto.municipality(), 100);
		UnitKind kind = oneOf(errors, "kind", dto.kind(), UnitKind.class, true);
		String country = dto.country() == null ? null : dto.country().toUpperCase(Locale.ROOT);
		if (blank(country)) {
			errors.reject("country", "is required");
		}
		else if (!COUNTRIES.contains(country)) {
			errors.reject("country", "must be an ISO 3166 two-letter code, e.g. BR or IT");
		}
		if (blank(dto.timeZone())) {
			errors.reject("timeZone", "is required");
		}
		else {
			try {
				ZoneId.of(dto.timeZone());
			}
			catch (DateTimeException e) {
				errors.reject("timeZone", "unknown time zone '" + dto.timeZone() + "', e.g. America/Sao_Paulo or Europe/Rome");
			}
		}
		optional(errors, "address", dto.address(), 300);
		optional(errors, "contact", dto.contact(), 300);
		Set<String> districts = names(errors, "districts", dto.districts(), Function.identity());
		Set<String> languages = names(errors, "languages", dto.languages(), language -> language.toLowerCase(Locale.ROOT));
		for (String language : languages) {
			if (!LANGUAGE.matcher(language).matches()) {
				errors.reject("languages", "'" + language + "' is not an ISO 639 code such as pt, it, es, ht");
			}
		}
		List<OpeningInterval> hours = intervals(errors, "openingHours", dto.openingHours(), OpeningInterval::new);
		List<ScheduleException> exceptions = exceptions(errors, dto.exceptions());
		ShelterFacts shelter = shelter(errors, kind, dto.shelter());
		ClassFacts literacyClass = literacyClass(errors, kind, dto.literacyClass());
		Set<DocumentType> documentTypes = documentTypes(errors, kind, dto.documentTypes());
		errors.throwIfAny();

		if (creating) {
			unit.setCode(dto.code());
		}
		unit.setName(dto.name().strip());
		unit.setKind(kind);
		unit.setMunicipality(dto.municipality().strip());
		unit.setCountry(country);
		unit.setTimeZone(dto.timeZone());
		unit.setAddress(dto.address());
		unit.setContact(dto.contact());
		unit.setDistricts(districts);
		unit.setLanguages(languages);
		unit.setOpeningHours(hours);
		unit.setExceptions(exceptions);
		unit.setShelter(shelter);
		unit.setLiteracyClass(literacyClass);
		unit.setDocumentTypes(documentTypes);
	}

	static UnitDto toDto(ServiceUnit unit) {
		ShelterFacts shelter = unit.getShelter();
		ClassFacts literacyClass = unit.getLiteracyClass();
		return new UnitDto(unit.getCode(), unit.getName(), unit.getKind().name(), unit.getMunicipality(),
				unit.getCountry(), unit.getTimeZone(), unit.getAddress(), unit.getContact(), unit.isActive(),
				List.copyOf(unit.getDistricts()), List.copyOf(unit.getLanguages()), intervals(unit.getOpeningHours()),
				unit.getExceptions().stream()
					.map(e -> new UnitDto.Exception(e.label(), e.validFrom().toString(), e.validTo().toString(),
							e.closed(), intervals(e.intervals())))
					.toList(),
				shelter == null ? null
						: new UnitDto.Shelter(shelter.beds(), shelter.takes().name(), shelter.wheelchairAccessible()),
				literacyClass == null ? null
						: new UnitDto.LiteracyClass(literacyClass.language(), literacyClass.level().name(),
								literacyClass.audience().name(), literacyClass.seats(),
								intervals(literacyClass.sessions())),
				unit.getDocumentTypes().stream().map(Enum::name).toList(), unit.getVersion());
	}

	private static List<Interval> intervals(List<? extends WeeklySlot> slots) {
		return slots.stream()
			.map(slot -> new Interval(slot.day().name(), time(slot.opensMinute()), time(slot.closesMinute())))
			.toList();
	}

	private static String time(int minute) {
		return "%02d:%02d".formatted(minute / 60, minute % 60);
	}

	private interface SlotFactory<T extends WeeklySlot> {

		T create(int day, int opens, int closes);

	}

	private static <T extends WeeklySlot> List<T> intervals(FieldErrors errors, String field, List<Interval> given,
			SlotFactory<T> factory) {
		List<T> slots = new ArrayList<>();
		if (given == null) {
			return slots;
		}
		for (int i = 0; i < given.size(); i++) {
			String at = field + "[" + i + "]";
			Interval interval = given.get(i);
			if (interval == null) {
				errors.reject(at, "is empty");
				continue;
			}
			DayOfWeek day = oneOf(errors, at + ".day", interval.day(), DayOfWeek.class, true);
			Integer opens = minute(errors, at + ".opens", interval.opens());
			Integer closes = minute(errors, at + ".closes", interval.closes());
			if (day == null || opens == null || closes == null) {
				continue;
			}
			if (opens == 1440) {
				errors.reject(at + ".opens", "24:00 only ends a day; start the next day at 00:00");
				continue;
			}
			if (closes <= opens) {
				errors.reject(at + ".closes", "ends before it starts (" + interval.opens() + "-" + interval.closes()
						+ "); for hours across midnight, end this day at 24:00 and start the next day at 00:00");
				continue;
			}
			T slot = factory.create(day.getValue(), opens, closes);
			for (int j = 0; j < slots.size(); j++) {
				if (slots.get(j).overlaps(slot)) {
					errors.reject(at, "overlaps another interval on " + day.name());
					break;
				}
			}
			slots.add(slot);
		}
		return slots;
	}

	private static List<ScheduleException> exceptions(FieldErrors errors, List<UnitDto.Exception> given) {
		List<ScheduleException> exceptions = new ArrayList<>();
		if (given == null) {
			return exceptions;
		}
		for (int i = 0; i < given.size(); i++) {
			String at = "exceptions[" + i + "]";
			UnitDto.Exception exception = given.get(i);
			if (exception == null) {
				errors.reject(at, "is empty");
				continue;
			}
			required(errors, at + ".label", exception.label(), 200);
			LocalDate from = date(errors, at + ".from", exception.from());
			LocalDate to = date(errors, at + ".to", exception.to());
			boolean closed = Boolean.TRUE.equals(exception.closed());
			List<ExceptionInterval> hours = intervals(errors, at + ".hours", exception.hours(), ExceptionInterval::new);
			if (closed && !hours.isEmpty()) {
				errors.reject(at + ".hours", "a closure has no hours");
			}
			if (from == null || to == null) {
				continue;
			}
			if (to.isBefore(from)) {
				errors.reject(at + ".to", "ends before it starts");
				continue;
			}
			ScheduleException parsed = new ScheduleException(null, blank(exception.label()) ? "" : exception.label().strip(),
					from, to, closed, hours);
			for (ScheduleException other : exceptions) {
				if (!parsed.validFrom().isAfter(other.validTo()) && !other.validFrom().isAfter(parsed.validTo())) {
					errors.reject(at, "overlaps the exception '" + other.label() + "'");
					break;
				}
			}
			exceptions.add(parsed);
		}
		return exceptions;
	}

	private static ShelterFacts shelter(FieldErrors errors, UnitKind kind, UnitDto.Shelter shelter) {
		if (kind != UnitKind.SHELTER) {
			if (shelter != null && kind != null) {
				errors.reject("shelter", "only a SHELTER has beds");
			}
			return null;
		}
		if (shelter == null) {
			errors.reject("shelter", "is required for a SHELTER: beds, takes, wheelchairAccessible");
			return null;
		}
		Integer beds = count(errors, "shelter.beds", shelter.beds());
		ShelterTakes takes = oneOf(errors, "shelter.takes", shelter.takes(), ShelterTakes.class, true);
		return beds == null || takes == null ? null
				: new ShelterFacts(beds, takes, Boolean.TRUE.equals(shelter.wheelchairAccessible()));
	}

	private static ClassFacts literacyClass(FieldErrors errors, UnitKind kind, UnitDto.LiteracyClass given) {
		if (kind != UnitKind.LITERACY_CLASS) {
			if (given != null && kind != null) {
				errors.reject("literacyClass", "only a LITERACY_CLASS has seats and lessons");
			}
			return null;
		}
		if (given == null) {
			errors.reject("literacyClass", "is required for a LITERACY_CLASS: language, level, audience, seats, sessions");
			return null;
		}
		String language = given.language() == null ? null : given.language().toLowerCase(Locale.ROOT);
		if (blank(language) || !LANGUAGE.matcher(language).matches()) {
			errors.reject("literacyClass.language", "must be the ISO 639 code of the language of instruction, e.g. pt or it");
		}
		ClassFacts.Level level = oneOf(errors, "literacyClass.level", given.level(), ClassFacts.Level.class, true);
		ClassFacts.Audience audience = oneOf(errors, "literacyClass.audience", given.audience(), ClassFacts.Audience.class,
				true);
		Integer seats = count(errors, "literacyClass.seats", given.seats());
		List<ClassSession> sessions = intervals(errors, "literacyClass.sessions", given.sessions(), ClassSession::new);
		if (given.sessions() == null || given.sessions().isEmpty()) {
			errors.reject("literacyClass.sessions", "a class needs at least one weekly lesson");
		}
		return level == null || audience == null || seats == null ? null
				: new ClassFacts(language, level, audience, seats, sessions);
	}

	private static Set<DocumentType> documentTypes(FieldErrors errors, UnitKind kind, List<String> given) {
		Set<DocumentType> types = new LinkedHashSet<>();
		if (given == null || given.isEmpty()) {
			return types;
		}
		if (kind != UnitKind.DOCUMENT_OFFICE && kind != null) {
			errors.reject("documentTypes", "only a DOCUMENT_OFFICE issues documents");
			return types;
		}
		for (int i = 0; i < given.size(); i++) {
			DocumentType type = oneOf(errors, "documentTypes[" + i + "]", given.get(i), DocumentType.class, true);
			if (type != null) {
				types.add(type);
			}
		}
		return types;
	}

	private static Integer count(FieldErrors errors, String field, Integer value) {
		if (value == null) {
			errors.reject(field, "is required");
			return null;
		}
		if (value < 0) {
			errors.reject(field, "cannot be negative");
			return null;
		}
		if (value > 100_000) {
			errors.reject(field, "is implausibly large");
			return null;
		}
		return value;
	}

	private static Integer minute(FieldErrors errors, String field, String value) {
		if (blank(value)) {
			errors.reject(field, "is required, as HH:mm");
			return null;
		}
		var matcher = TIME.matcher(value.strip());
		if (!matcher.matches()) {
			errors.reject(field, "'" + value + "' is not a time of day as HH:mm");
			return null;
		}
		int minute = Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
		if (minute > 1440) {
			errors.reject(field, "'" + value + "' is past 24:00");
			return null;
		}
		return minute;
	}

	private static LocalDate date(FieldErrors errors, String field, String value) {
		if (blank(value)) {
			errors.reject(field, "is required, as yyyy-MM-dd");
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			errors.reject(field, "'" + value + "' is not a date as yyyy-MM-dd");
			return null;
		}
	}

	private static <E extends Enum<E>> E oneOf(FieldErrors errors, String field, String value, Class<E> type,
			boolean required) {
		if (blank(value)) {
			if (required) {
				errors.reject(field, "is required");
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.reject(field, "unknown value '" + value + "'; one of "
					+ String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
			return null;
		}
	}

	private static Set<String> names(FieldErrors errors, String field, List<String> given,
			Function<String, String> normalise) {
		Set<String> names = new LinkedHashSet<>();
		if (given == null) {
			return names;
		}
		for (String name : given) {
			if (blank(name) || name.length() > 100) {
				errors.reject(field, "entries must be 1 to 100 characters");
				continue;
			}
			names.add(normalise.apply(name.strip()));
		}
		return names;
	}

	private static void required(FieldErrors errors, String field, String value, int max) {
		if (blank(value)) {
			errors.reject(field, "is required");
		}
		else {
			optional(errors, field, value, max);
		}
	}

	private static void optional(FieldErrors errors, String field, String value, int max) {
		if (value != null && value.length() > max) {
			errors.reject(field, "is longer than " + max + " characters");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
