package org.acolhida.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes benchmark figures to {@code target/bench/results.md} and {@code results.csv}, one row a
 * figure, with the machine they were measured on. Rows of several benchmarks of one run go to the
 * same files.
 */
final class BenchReport {

	static final Path DIR = Path.of("target", "bench");

	private BenchReport() {
	}

	/** One measured figure next to its aim. */
	record Figure(String benchmark, String metric, double value, String unit, String aim) {
	}

	static synchronized void write(List<Figure> figures) {
		try {
			Files.createDirectories(DIR);
			Path markdown = DIR.resolve("results.md");
			Path csv = DIR.resolve("results.csv");
			if (!Files.exists(markdown)) {
				Files.writeString(markdown, "# Benchmark results\n\n" + machine() + "\n\n"
						+ "| benchmark | metric | value | unit | aim |\n|---|---|---:|---|---|\n");
				Files.writeString(csv, "benchmark,metric,value,unit,aim,measured_at\n");
			}
			StringBuilder rows = new StringBuilder();
			StringBuilder lines = new StringBuilder();
			for (Figure figure : figures) {
				rows.append("| ").append(figure.benchmark()).append(" | ").append(figure.metric()).append(" | ")
					.append(format(figure.value())).append(" | ").append(figure.unit()).append(" | ")
					.append(figure.aim()).append(" |\n");
				lines.append(String.join(",", figure.benchmark(), figure.metric(), format(figure.value()),
						figure.unit(), '"' + figure.aim() + '"', Instant.now().toString())).append('\n');
			}
			Files.writeString(markdown, rows, StandardOpenOption.APPEND);
			Files.writeString(csv, lines, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A Markdown section of its own next to the results (e.g. a breakdown too wide for the table). */
	static synchronized void writeSection(String fileName, String markdown) {
		try {
			Files.createDirectories(DIR);
			Files.writeString(DIR.resolve(fileName), markdown + "\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String machine() {
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		return "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ memory / (1024 * 1024 * 1024) + " GiB memory, Java " + System.getProperty("java.version") + ", "
				+ System.getProperty("os.name") + ".";
	}

	/** The p-th percentile (0-100) of the samples, nearest rank. */
	static double percentile(long[] samples, double p) {
		long[] sorted = samples.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String format(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
				: String.format(java.util.Locale.ROOT, "%.3f", value);
	}

}
