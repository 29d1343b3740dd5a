package org.acolhida.audit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.query.Query;

/**
 * Reads every result of an engine query in pages: the engine refuses unbounded {@code list()} calls
 * from signed-in users ({@code query-max-results-limit}), and a case's history may be long.
 */
final class Pages {

	/** Below any sensible {@code query-max-results-limit}. */
	static final int PAGE = 500;

	private Pages() {
	}

	static <T> List<T> all(Query<?, T> query) {
		List<T> all = new ArrayList<>();
		while (true) {
			List<T> page = query.listPage(all.size(), PAGE);
			all.addAll(page);
			if (page.size() < PAGE) {
				return all;
			}
		}
	}

}
