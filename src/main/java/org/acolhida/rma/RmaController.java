package org.acolhida.rma;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.NotFoundException;
import org.acolhida.export.CsvWriter;
import org.acolhida.identity.CurrentUser;
import org.acolhida.language.WorkLanguage;
import org.acolhida.monthlyreport.Figure;
import org.acolhida.monthlyreport.MonthlyCount;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.UnknownUnitException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Brazilian CRAS's or CREAS's RMA for a month, counted live from its cases ({@link RmaCras},
 * {@link RmaCreas}), as JSON or CSV. Staff of the unit (any role) and managers read it; anyone else gets
 * 403, since the cases behind each figure are the unit's own. A month that is not {@code YYYY-MM}, or a
 * unit that sends no RMA, is answered with 400, an unknown unit with 404, in the caller's language.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "The monthly report (RMA) of a CRAS or CREAS, counted from its cases")
class RmaController {

	private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private static final ResourceBundleMessageSource MESSAGES = WorkLanguage.messages("i18n/rma");

	private final UnitDirectory units;

	private final List<MonthlyCount> counts;

	private final CurrentUser currentUser;

	private final WorkLanguage language;

	RmaController(UnitDirectory units, List<MonthlyCount> counts, CurrentUser currentUser, WorkLanguage language) {
		this.units = units;
		this.counts = counts.stream().filter(c -> c.report().startsWith("rma-")).toList();
		this.currentUser = currentUser;
		this.language = language;
	}

	/** One item as the API gives it; an item to fill has the value null, said so rather than left out. */
	record Item(String code, String block, String name, @JsonInclude(JsonInclude.Include.ALWAYS) Long value,
			boolean counted, List<String> cases) {

		static Item of(Figure figure) {
			return new Item(figure.code(), figure.block(), figure.name(), figure.value(), figure.counted(),
					figure.caseNumbers());
		}

	}

	record Report(String unit, String month, String report, List<Item> items) {
	}

	@GetMapping("/rma")
	@Operation(summary = "The month's RMA of a CRAS or CREAS (staff of the unit, managers): every official item, "
			+ "counted from the cases where the workflow knows it (with the cases behind it), else left to fill")
	Report rma(@RequestParam(required = false) String unit, @RequestParam(required = false) String month) {
		ServiceUnit found = readable(unit);
		YearMonth yearMonth = month(month);
		MonthlyCount count = counts.stream().filter(c -> c.reportsFor(found)).findFirst()
			.orElseThrow(() -> new InvalidInputException("unit", text("noRma", found.getCode())));
		return new Report(found.getCode(), yearMonth.toString(), count.report(),
				count.count(found, yearMonth).stream().map(Item::of).toList());
	}

	@GetMapping(value = "/rma.csv", produces = "text/csv")
	@Operation(summary = "The same RMA as CSV (RFC 4180): code, block, name, value, counted, cases")
	ResponseEntity<String> rmaCsv(@RequestParam(required = false) String unit,
			@RequestParam(required = false) String month) {
		Report report = rma(unit, month);
		CsvWriter csv = new CsvWriter(List.of("code", "block", "name", "value", "counted", "cases"));
		for (Item item : report.items()) {
			csv.row(item.code(), item.block(), item.name(), item.value(), item.counted() ? "yes" : "no",
					String.join(" ", item.cases()));
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(report.report() + "-" + report.unit() + "-" + report.month() + ".csv")
				.build()
				.toString())
			.body(csv.toString());
	}

	private ServiceUnit readable(String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("unit", text("unitRequired"));
		}
		ServiceUnit unit;
		try {
			unit = units.unit(code.trim());
		}
		catch (UnknownUnitException e) {
			throw new NotFoundException(text("unknownUnit", code.trim()));
		}
		if (!currentUser.isNetwork() && !currentUser.isMember(unit.getCode())) {
			throw new ForbiddenException(text("notYours", unit.getCode()));
		}
		return unit;
	}

	private YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			throw new InvalidInputException("month", text("monthRequired"));
		}
		try {
			return YearMonth.parse(month.trim());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("month", text("notAMonth", month.trim()));
		}
	}

	private String text(String key, Object... arguments) {
		Locale locale = WorkLanguage.locale(language.forCurrentUser(null));
		return MESSAGES.getMessage(key, arguments, key, locale);
	}

}
