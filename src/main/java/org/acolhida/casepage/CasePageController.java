package org.acolhida.casepage;

import java.util.List;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseReaders;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.identity.CurrentUser;
import org.acolhida.language.WorkLanguage;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case page a worker opens from a task in Tasklist (the "Caso" tab, {@code tasklist/scripts/case-tab.js}).
 * <p>
 * It lives under the webapps' API ({@value #PATH}) rather than {@code /api}, because Tasklist holds a
 * session, not the worker's password: there the webapps' own filters sign the worker in from that
 * session (re-checking them against the engine's users and groups as Tasklist's own calls are), apply
 * the webapps' CSRF and header rules, and refuse a path written in any but its plain form. {@code /api}
 * answers HTTP Basic only.
 * <p>
 * Staff of the unit that owns the case read it, and managers and the administrator, as
 * {@code GET /api/cases/{n}}; anyone else gets 403, also for a case number that does not exist, so that
 * the answer does not tell which cases exist elsewhere. Auditors read histories on their own page.
 */
@RestController
@RequestMapping(CasePageController.PATH)
class CasePageController {

	static final String PATH = "/camunda/api/acolhida/case-page";

	/** Longer than any case number or name: anything longer is not a search a desk makes. */
	static final int LONGEST_QUERY = 100;

	/** The headings of the case list ({@code label.*} of the page's bundle). */
	static final List<String> LIST_LABELS = List.of("cases", "search", "recent", "found", "noCases", "caseNumber",
			"person", "openedOn", "today", "status", "priority", "next", "notListened", "unit", "back");

	private final CaseReaders readers;

	private final CasePages pages;

	private final TaskService tasks;

	private final CurrentUser currentUser;

	private final WorkLanguage language;

	private final CaseFinder finder;

	CasePageController(CaseReaders readers, CasePages pages, TaskService tasks, CurrentUser currentUser,
			WorkLanguage language, CaseFinder finder) {
		this.finder = finder;
		this.readers = readers;
		this.pages = pages;
		this.tasks = tasks;
		this.currentUser = currentUser;
		this.language = language;
	}

	/**
	 * The worker's own unit's cases, newest first ({@code q} empty), or those whose number or person's
	 * name contains {@code q}: the way into a case that has no task of the worker's, such as one the
	 * triage sent on without a referral of the worker's own desk.
	 */
	@GetMapping("/cases")
	CaseList cases(@RequestParam(name = "q", required = false) String query) {
		signedIn();
		if (query != null && query.length() > LONGEST_QUERY) {
			throw new InvalidInputException("q", "is longer than " + LONGEST_QUERY + " characters");
		}
		String reader = language.forCurrentUser(null);
		return new CaseList(reader, query == null ? "" : query.strip(), CasePages.labels(LIST_LABELS, reader),
				finder.find(query, reader));
	}

	/** The page of a case, by its number. */
	@GetMapping("/cases/{caseNumber}")
	CasePage ofCase(@PathVariable String caseNumber) {
		CaseFile file = readable(caseNumber);
		return pages.of(file, language.forCurrentUser(file.getOwningUnit()));
	}

	/**
	 * The page of the case a task belongs to. The task is looked up as the worker: one they may not see
	 * in Tasklist gets the same 403 as a case of another unit.
	 */
	@GetMapping("/tasks/{taskId}")
	CasePage ofTask(@PathVariable String taskId) {
		signedIn();
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null || task.getProcessInstanceId() == null) {
			throw notYours();
		}
		String caseNumber = pages.caseNumberOfInstance(task.getProcessInstanceId()).orElseThrow(this::notYours);
		return ofCase(caseNumber);
	}

	private CaseFile readable(String caseNumber) {
		signedIn();
		return readers.readable(caseNumber, this::notYours);
	}

	private void signedIn() {
		if (currentUser.userId() == null) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to Tasklist first");
		}
	}

	private ForbiddenException notYours() {
		return new ForbiddenException("This is not a case of your unit");
	}

}
