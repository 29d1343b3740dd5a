package org.acolhida.diagnosis;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipal diagnosis: people received, time to first service, unmet demand and documentation
 * outcomes of one municipality over a period, as JSON, and each table as CSV or all as a spreadsheet.
 * Managers read every unit of the municipality, coordinators their own units; others get 403. Counts
 * from 1 to 4 are shown as {@value Count#SMALL} (see {@link SmallCounts}).
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Municipal diagnosis", description = "Who the network received, how fast it served them and what it could not")
class DiagnosisController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final DiagnosisService diagnoses;

	private final Names names;

	private final CurrentUser currentUser;

	DiagnosisController(DiagnosisService diagnoses, Names names, CurrentUser currentUser) {
		this.diagnoses = diagnoses;
		this.names = names;
		this.currentUser = currentUser;
	}

	/** Who is signed in and the page's texts in their language. */
	record Page(String userId, String language, Map<String, String> texts) {
	}

	@GetMapping("/page")
	@Operation(summary = "The signed-in reader and the diagnosis page's texts in their language")
	Page page() {
		diagnoses.requireReader();
		String language = diagnoses.language();
		return new Page(currentUser.userId(), language, names.page(language));
	}

	@GetMapping("/diagnosis")
	@Operation(summary = "The diagnosis of a municipality over a period (dates yyyy-mm-dd, both included)")
	Diagnosis diagnosis(@RequestParam(required = false) String municipality,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return read(municipality, from, to);
	}

	@GetMapping(value = "/diagnosis.csv", produces = "text/csv")
	@Operation(summary = "One table of the diagnosis as CSV (RFC 4180, UTF-8); table: its id, default people")
	ResponseEntity<String> csv(@RequestParam(required = false) String municipality,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "people") String table) {
		Diagnosis diagnosis = read(municipality, from, to);
		Table chosen = chosen(diagnosis, table);
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(diagnosis, chosen.id(), "csv"))
			.body(DiagnosisCsv.write(chosen));
	}

	@GetMapping(value = "/diagnosis.xlsx")
	@Operation(summary = "The diagnosis as a spreadsheet, a sheet per table (or only the given table)")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String municipality,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String table) {
		Diagnosis diagnosis = read(municipality, from, to);
		List<Table> tables = table == null ? diagnosis.tables() : List.of(chosen(diagnosis, table));
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(diagnosis, table == null ? "diagnosis" : table, "xlsx"))
			.body(XlsxWriter.write(tables));
	}

	private Diagnosis read(String municipality, String from, String to) {
		diagnoses.requireReader();
		return diagnoses.of(municipality, date("from", from), date("to", to));
	}

	private LocalDate date(String field, String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, names.text("error.date", diagnoses.language()));
		}
	}

	private Table chosen(Diagnosis diagnosis, String id) {
		return diagnosis.tables().stream().filter(t -> t.id().equals(id)).findFirst()
			.orElseThrow(() -> new InvalidInputException("table", names.text("error.table", diagnosis.language(),
					String.join(", ", diagnosis.tables().stream().map(Table::id).toList()))));
	}

	private static String attachment(Diagnosis diagnosis, String name, String extension) {
		String file = name + "-" + diagnosis.municipality().replaceAll("[^\\p{L}\\p{N}]+", "-") + "-" + diagnosis.from()
				+ "-" + diagnosis.to() + "." + extension;
		return ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString();
	}

}
