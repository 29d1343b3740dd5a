package org.acolhida.literacy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.acolhida.staff.Role;
import org.acolhida.identity.CurrentUser;
import org.acolhida.errors.ForbiddenException;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unmet-demand report for managers and literacy staff: who is waiting for which class where,
 * and for how long, as JSON or as CSV for a spreadsheet. Counts only, no learner is named.
 */
@RestController
@RequestMapping("/api/literacy")
@Tag(name = "Literacy classes", description = "Seats, waitlists and the demand for new classes")
class LiteracyDemandController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv");

	private final DemandReport report;

	private final CurrentUser currentUser;

	private final Clock clock;

	LiteracyDemandController(DemandReport report, CurrentUser currentUser, Clock clock) {
		this.clock = clock;
		this.report = report;
		this.currentUser = currentUser;
	}

	@GetMapping("/demand")
	@Operation(summary = "Waiting learners grouped by language, level, audience, municipality and district, "
			+ "with days waited (JSON, or CSV with Accept: text/csv)")
	ResponseEntity<?> demand(@RequestParam(required = false) String municipality,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		return wantsCsv(accept) ? csv(municipality) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(json(municipality));
	}

	@GetMapping("/demand.csv")
	@Operation(summary = "The same report as CSV (RFC 4180, UTF-8), for a spreadsheet")
	ResponseEntity<String> csv(@RequestParam(required = false) String municipality) {
		List<DemandReport.DemandGroup> groups = groups(municipality, clock.instant());
		return ResponseEntity.ok()
			.contentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"literacy-demand.csv\"")
			.body(DemandCsv.write(groups));
	}

	private Demand json(String municipality) {
		Instant now = clock.instant();
		return new Demand(now, groups(municipality, now));
	}

	private List<DemandReport.DemandGroup> groups(String municipality, Instant now) {
		if (!currentUser.isMember(CurrentUser.MANAGERS) && !currentUser.isMember(Groups.CAMUNDA_ADMIN)
				&& !currentUser.isMember(Role.LITERACY.groupId())) {
			throw new ForbiddenException("Only managers and literacy staff may read the demand for classes");
		}
		return report.unmetDemand(municipality, now);
	}

	/** CSV only when the client prefers it; a wildcard or no Accept header gets JSON. */
	static boolean wantsCsv(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
		MimeTypeUtils.sortBySpecificity(types);
		for (MediaType type : types) {
			if (type.isWildcardType() || type.includes(MediaType.APPLICATION_JSON)) {
				return false;
			}
			if (type.includes(TEXT_CSV)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The report as JSON.
	 *
	 * @param asOf the instant the days waited are counted up to
	 */
	record Demand(Instant asOf, List<DemandReport.DemandGroup> groups) {
	}

}
