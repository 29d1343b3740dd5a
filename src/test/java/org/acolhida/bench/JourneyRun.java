package org.acolhida.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.acolhida.AcolhidaApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application, started as usual, that then runs {@code bench.journeys} whole journeys in its own
 * JVM (see {@link Journeys}) and writes {@code bench.done-file} when they are done; it keeps serving
 * afterwards. {@link StartupBench} launches it with {@code -Xmx512m} to read the memory an
 * application holds after real work, not only after start-up.
 */
public final class JourneyRun {

	private JourneyRun() {
	}

	public static void main(String[] args) throws IOException {
		ConfigurableApplicationContext context = SpringApplication.run(AcolhidaApplication.class, args);
		Environment environment = context.getEnvironment();
		int count = environment.getProperty("bench.journeys", Integer.class, 100);
		Path done = Path.of(environment.getRequiredProperty("bench.done-file"));

		// room for every household of the run: each journey ends with a bed and a seat taken
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		jdbc.update("UPDATE shelter_capacity SET total = total + 100000");
		jdbc.update("UPDATE class_seats SET seats = seats + 100000");

		ProcessEngine engine = context.getBean(ProcessEngine.class);
		// Journeys moves the engine clock to fire timers itself; the job executor would race it.
		JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
		jobs.shutdown();
		long started = System.nanoTime();
		try {
			Journeys journeys = new Journeys(engine);
			for (int i = 0; i < count; i++) {
				journeys.run(i);
			}
		}
		finally {
			ClockUtil.reset();
			jobs.start();
		}
		Files.writeString(done, count + " journeys in " + (System.nanoTime() - started) / 1_000_000 + " ms\n");
	}

}
