package org.acolhida.tasklists;

import org.acolhida.language.WorkLanguage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link TaskCompletionConflicts} in front of the engine's task endpoints, after the
 * authentication (order 10) and the request guard (order 20) that {@code system} registers: it is the
 * innermost filter, so that it sees the engine's answer and the caller's authentication.
 */
@Configuration(proxyBeanMethods = false)
class TaskCompletionConflictsFilter {

	@Bean
	FilterRegistrationBean<TaskCompletionConflicts> taskCompletionConflicts(TaskService tasks, HistoryService history,
			IdentityService identity, WorkLanguage language) {
		FilterRegistrationBean<TaskCompletionConflicts> registration = new FilterRegistrationBean<>(
				new TaskCompletionConflicts(tasks, history, identity, language));
		registration.setName("acolhida-task-completion-conflicts");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(30);
		return registration;
	}

}
