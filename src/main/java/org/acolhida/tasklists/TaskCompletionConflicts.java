package org.acolhida.tasklists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.acolhida.language.WorkLanguage;
import org.acolhida.system.RoutedPath;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tells a worker plainly that the task they are completing was completed already, instead of the
 * engine's 500.
 * <p>
 * Camunda 7.24's REST API answers every engine failure of {@code POST /task/{id}/complete} and
 * {@code /submit-form} with 500: when two workers complete one task at the same moment, the loser's
 * transaction fails with an {@code OptimisticLockingException} ("ENGINE-03005 ... updated by another
 * transaction concurrently"); when the second arrives after the first committed, the engine no longer
 * finds the task ("Cannot find task with id"). Neither is a server fault. After such a 500 this
 * filter asks the engine what became of the task: ended in history → 409 "already completed" (or
 * "no longer open" when it ended otherwise, e.g. its case was closed); never existed → 404; still open
 * and the failure was an optimistic lock → 409 "changed meanwhile, try again"; still open and the
 * submitted variables made a gateway or decision fail (an answer missing, or of the wrong type) → 400.
 * Anything else stays a 500. A refused form (400) keeps its status and loses only the REST resource's
 * English frame around the translated refusal. It serves both the REST API for integrations and the
 * one Tasklist uses.
 */
class TaskCompletionConflicts extends OncePerRequestFilter {

	private static final Pattern COMPLETION = Pattern
		.compile("^/(?:engine-rest|camunda/api/engine/engine/[^/]+)(?:/engine/[^/]+)?/task/([^/]+)/(?:complete|submit-form)$");

	/** Camunda's code of its OptimisticLockingException, in the message of the REST answer. */
	private static final String OPTIMISTIC_LOCK = "ENGINE-03005";

	/**
	 * Failures that the submitted variables caused, not the server: an answer missing that a gateway or
	 * decision reads ("Cannot resolve identifier 'x'", or a condition that "returns null" without it), or
	 * of a type a decision does not take (DMN-01005).
	 * The engine rolled the completion back; the caller can correct it.
	 */
	private static final Pattern BAD_ANSWERS = Pattern
		.compile("DMN-01005|Unknown property used in expression|Cannot resolve identifier|condition expression returns null");

	private final TaskService tasks;

	private final HistoryService history;

	private final IdentityService identity;

	private final WorkLanguage language;

	private final ResourceBundleMessageSource messages = WorkLanguage.messages("i18n/task-conflicts");

	private final ObjectMapper json = new ObjectMapper();

	TaskCompletionConflicts(TaskService tasks, HistoryService history, IdentityService identity, WorkLanguage language) {
		this.tasks = tasks;
		this.history = history;
		this.identity = identity;
		this.language = language;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || taskId(request) == null;
	}

	private static String taskId(HttpServletRequest request) {
		Matcher matcher = COMPLETION.matcher(RoutedPath.of(request));
		return matcher.matches() ? matcher.group(1) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String userId = userId(request);
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, answer);
		if (answer.getStatus() == 400 && !response.isCommitted()) {
			withoutEngineFrame(request, answer);
			return;
		}
		if (answer.getStatus() < 500 || response.isCommitted()) {
			answer.copyBodyToResponse();
			return;
		}
		String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
		boolean optimisticLock = body.contains(OPTIMISTIC_LOCK);
		boolean badAnswers = BAD_ANSWERS.matcher(body).find();
		Optional<Verdict> verdict = withoutAuthorizations(() -> verdict(taskId(request), optimisticLock, badAnswers));
		if (verdict.isEmpty()) {
			answer.copyBodyToResponse();
			return;
		}
		Locale locale = WorkLanguage.locale(userId == null ? WorkLanguage.EN
				: withoutAuthorizations(() -> language.unitOf(userId).map(language::ofUnit).orElse(WorkLanguage.EN)));
		String message = messages.getMessage(verdict.get().key, null, verdict.get().english, locale);
		if (verdict.get() == Verdict.INVALID) {
			message += " (" + engineMessage(body) + ")";
		}
		answer.resetBuffer();
		response.setStatus(verdict.get().status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		// Camunda names the engine's exception in "type"; a lost race keeps that name.
		String type = verdict.get() == Verdict.COMPLETED && optimisticLock ? "OptimisticLockingException"
				: verdict.get().type;
		byte[] replaced = json.writeValueAsBytes(Map.of("type", type, "message", message));
		response.setContentLength(replaced.length);
		response.getOutputStream().write(replaced);
	}

	/**
	 * A refused form's message without the English frame the REST resource puts around it ("Cannot
	 * submit task form &lt;task id&gt;: "). The refusal itself is already in the worker's language and
	 * names the fields (see {@code language.FormMessages}); Tasklist shows the message as it comes, so
	 * the frame was the only English, and the task id the only code, a worker read above the form.
	 */
	private void withoutEngineFrame(HttpServletRequest request, ContentCachingResponseWrapper answer)
			throws IOException {
		String frame = "Cannot submit task form " + taskId(request) + ": ";
		byte[] original = answer.getContentAsByteArray();
		JsonNode body;
		try {
			body = json.readTree(original);
		}
		catch (IOException notJson) {
			answer.copyBodyToResponse();
			return;
		}
		String message = body == null ? null : body.path("message").asText(null);
		if (message == null || !message.startsWith(frame)) {
			answer.copyBodyToResponse();
			return;
		}
		((ObjectNode) body).put("message", message.substring(frame.length()));
		byte[] replaced = json.writeValueAsBytes(body);
		answer.resetBuffer();
		answer.getResponse().setContentLength(replaced.length);
		answer.getResponse().getOutputStream().write(replaced);
	}

	/** The engine's own words: the "message" of its JSON answer, or the answer as it is. */
	private String engineMessage(String body) {
		try {
			return json.readTree(body).path("message").asText(body);
		}
		catch (IOException e) {
			return body;
		}
	}

	/** What became of the task. */
	private Optional<Verdict> verdict(String taskId, boolean optimisticLock, boolean badAnswers) {
		if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
			return optimisticLock ? Optional.of(Verdict.CHANGED)
					: badAnswers ? Optional.of(Verdict.INVALID) : Optional.empty();
		}
		HistoricTaskInstance ended = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
		if (ended == null) {
			return Optional.of(Verdict.UNKNOWN);
		}
		return Optional.of("completed".equals(ended.getDeleteReason()) ? Verdict.COMPLETED : Verdict.GONE);
	}

	/** Asks the engine without the caller's authorizations: they may not read history, nor their groups unbounded. */
	private <T> T withoutAuthorizations(Supplier<T> question) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return question.get();
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

	/** The caller: from the engine's REST authentication, or the webapps' sign-in (Tasklist). */
	private String userId(HttpServletRequest request) {
		Authentication current = identity.getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
		HttpSession session = request.getSession(false);
		Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
		return signedIn == null ? null
				: signedIn.getAuthentications().stream().map(UserAuthentication::getName).findFirst().orElse(null);
	}

	private enum Verdict {

		COMPLETED(HttpServletResponse.SC_CONFLICT, "TaskAlreadyCompleted", "task.completed",
				"This task was already completed, by someone else or in another window. Reload your task list."),
		GONE(HttpServletResponse.SC_CONFLICT, "TaskNoLongerOpen", "task.gone",
				"This task is no longer open: its case moved on without it. Reload your task list."),
		CHANGED(HttpServletResponse.SC_CONFLICT, "TaskChanged", "task.changed",
				"Someone else changed this task at the same moment. Reload it and try again."),
		UNKNOWN(HttpServletResponse.SC_NOT_FOUND, "TaskNotFound", "task.unknown", "There is no task with this id."),
		INVALID(HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "task.invalid",
				"The answers are incomplete or of the wrong type; check the form and submit it again.");

		final int status;

		final String type;

		final String key;

		final String english;

		Verdict(int status, String type, String key, String english) {
			this.status = status;
			this.type = type;
			this.key = key;
			this.english = english;
		}

	}

}
