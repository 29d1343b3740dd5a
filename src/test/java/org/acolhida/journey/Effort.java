package org.acolhida.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each task of a journey cost its worker in Tasklist: clicks (opening the list and the task,
 * claiming, choosing, ticking, "Complete") and fields filled. Written to
 * {@code target/screenshots/journey/effort.md}, one table per journey, for the closing note of the
 * issue. Journeys of all test classes of a run share it, so the file holds every journey run.
 */
final class Effort {

	private static final Map<String, List<Row>> JOURNEYS = new LinkedHashMap<>();

	private final String journey;

	record Row(String worker, String task, int clicks, int fields) {
	}

	Effort(String journey) {
		this.journey = journey;
		synchronized (JOURNEYS) {
			JOURNEYS.put(journey, new ArrayList<>());
		}
	}

	void record(String worker, String task, int clicks, int fields) {
		synchronized (JOURNEYS) {
			JOURNEYS.get(journey).add(new Row(worker, task, clicks, fields));
		}
	}

	List<Row> rows() {
		synchronized (JOURNEYS) {
			return List.copyOf(JOURNEYS.get(journey));
		}
	}

	/** Rewrites the file with every journey recorded so far. */
	void write() {
		StringBuilder text = new StringBuilder("# Clicks and fields per task, as the journey browser tests count them\n\n")
			.append("Counted by `journey/Desk`: every click a worker makes from opening their list to \"Complete\" ")
			.append("(list, task, claim, select openings and options, ticks, closing a notice) and every field ")
			.append("filled. Deliberate mistakes that the tests make to see a refusal are not counted.\n");
		synchronized (JOURNEYS) {
			JOURNEYS.forEach((name, rows) -> {
				text.append("\n## ").append(name).append("\n\n| worker | task | clicks | fields |\n|---|---|---:|---:|\n");
				int clicks = 0;
				int fields = 0;
				for (Row row : rows) {
					text.append("| ").append(row.worker()).append(" | ").append(row.task()).append(" | ")
						.append(row.clicks()).append(" | ").append(row.fields()).append(" |\n");
					clicks += row.clicks();
					fields += row.fields();
				}
				text.append("| **all** | ").append(rows.size()).append(" tasks | **").append(clicks).append("** | **")
					.append(fields).append("** |\n");
			});
		}
		try {
			Files.createDirectories(Desk.Shots.DIRECTORY);
			Files.writeString(Desk.Shots.DIRECTORY.resolve("effort.md"), text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
