package org.acolhida.casepage;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseReaders;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.identity.CurrentUser;
import org.acolhida.language.WorkLanguage;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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

	private final CaseReaders readers;

	private final CasePages pages;

	private final TaskService tasks;

	private final CurrentUser currentUser;

	private final WorkLanguage language;

	CasePageController(CaseReaders readers, CasePages pages, TaskService tasks, CurrentUser currentUser,
			WorkLanguage language) {
		this.readers = readers;
		this.pages = pages;
		this.tasks = tasks;
		this.currentUser = currentUser;
		this.language = language;
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
