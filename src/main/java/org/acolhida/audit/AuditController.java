package org.acolhida.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.staff.Role;
import org.acolhida.identity.CurrentUser;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.NotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's read-only view of cases: search, a case's timeline across all its processes (also as
 * CSV) and the diagrams to draw its path on. For auditors, managers and the administrator; staff get
 * 403. The engine's history is read as the signed-in user, so the engine's authorizations apply too.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Case history for auditors: who did what, when, and what was decided")
class AuditController {

	static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final CaseSearch search;

	private final CaseTimeline timelines;

	private final RepositoryService repository;

	private final CurrentUser currentUser;

	AuditController(CaseSearch search, CaseTimeline timelines, RepositoryService repository, CurrentUser currentUser) {
		this.search = search;
		this.timelines = timelines;
		this.repository = repository;
		this.currentUser = currentUser;
	}

	/** Who is signed in, so that the page can greet them (and learn that the password was right). */
	record Me(String userId, List<String> groups) {
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in auditor")
	Me me() {
		requireAuditor();
		return new Me(currentUser.userId(), currentUser.groups());
	}

	@GetMapping("/cases")
	@Operation(summary = "Find cases by case number, person, unit, dates (ISO yyyy-mm-dd) or worker")
	List<CaseSummary> find(@RequestParam(required = false) String caseNumber,
			@RequestParam(required = false) String person, @RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String worker) {
		requireAuditor();
		return search.find(new CaseSearch.Criteria(caseNumber, person, unit, from, to, worker));
	}

	@GetMapping("/cases/{caseNumber}/timeline")
	@Operation(summary = "A case's processes and its timeline across all of them, oldest first")
	CaseHistory timeline(@PathVariable String caseNumber) {
		requireAuditor();
		return timelines.of(caseNumber);
	}

	@GetMapping(value = "/cases/{caseNumber}/timeline.csv", produces = "text/csv")
	@Operation(summary = "A case's timeline as CSV (RFC 4180)")
	ResponseEntity<String> timelineCsv(@PathVariable String caseNumber) {
		requireAuditor();
		CaseHistory history = timelines.of(caseNumber);
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(history.caseNumber() + "-timeline.csv").build().toString())
			.body(TimelineCsv.of(history.timeline()));
	}

	@GetMapping(value = "/process-definitions/{id}/xml", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "The BPMN XML of a process definition, to draw a case's path on")
	ResponseEntity<byte[]> processXml(@PathVariable String id) {
		requireAuditor();
		try (InputStream model = repository.getProcessModel(id)) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(model.readAllBytes());
		}
		catch (AuthorizationException e) {
			throw new ForbiddenException("You may not read the process definition '" + id + "'");
		}
		catch (ProcessEngineException e) {
			throw new NotFoundException("No process definition with id '" + id + "'");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Auditors, managers and the setup administrator; not staff. */
	private void requireAuditor() {
		if (!currentUser.isMember(Role.AUDITOR.groupId()) && !currentUser.isMember(Role.MANAGER.groupId())
				&& !currentUser.isMember(Groups.CAMUNDA_ADMIN)) {
			throw new ForbiddenException("Only auditors and managers may read case histories");
		}
	}

}
