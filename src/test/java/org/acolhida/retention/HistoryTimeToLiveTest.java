package org.acolhida.retention;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time to live a protocol's file gives (the number a manager sees in Modeler) is replaced by the
 * retention period at deployment, and the log says so for each definition: which one, what its file said,
 * what applies now and which setting decides. On a plain in-memory engine with two of the real files.
 */
class HistoryTimeToLiveTest {

	private static final Path PROCESS = Path.of("processes/housing-stay.bpmn");

	private static final Path DECISION = Path.of("processes/reception-triage.dmn");

	private ProcessEngine engine;

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private final Logger log = (Logger) LoggerFactory.getLogger(HistoryTimeToLive.class);

	private Level levelBefore;

	@BeforeEach
	void startEngine() throws IOException {
		engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:ttl-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.setProcessEngineName("ttl-" + UUID.randomUUID())
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.buildProcessEngine();
		try (InputStream process = Files.newInputStream(PROCESS); InputStream decision = Files.newInputStream(DECISION)) {
			engine.getRepositoryService().createDeployment().name("protocols")
				.addInputStream(PROCESS.getFileName().toString(), process)
				.addInputStream(DECISION.getFileName().toString(), decision)
				.deploy();
		}
		levelBefore = log.getLevel();
		log.setLevel(Level.INFO);
		logged.start();
		log.addAppender(logged);
	}

	@AfterEach
	void stopEngine() {
		log.detachAppender(logged);
		log.setLevel(levelBefore);
		engine.close();
	}

	@Test
	void shouldSayForEachDefinitionThatItsFilesTimeToLiveWasReplacedOnce() throws IOException {
		int inFile = timeToLiveInFile(PROCESS);
		assertThat(timeToLiveInFile(DECISION)).isEqualTo(inFile);
		RetentionProperties ninetyDays = new RetentionProperties(Duration.ofDays(90), "0 30 3 * * *");
		assertThat(ninetyDays.historyTimeToLiveDays()).isNotEqualTo(inFile);
		RepositoryService repository = engine.getRepositoryService();
		HistoryTimeToLive timeToLive = new HistoryTimeToLive(repository, engine.getHistoryService(), ninetyDays);

		int changed = timeToLive.align();

		List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().list();
		List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().list();
		assertThat(changed).isEqualTo(processes.size() + decisions.size()).isPositive();
		assertThat(processes).extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(90);
		assertThat(decisions).extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(90);
		List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines).hasSize(changed);
		for (ProcessDefinition process : processes) {
			assertThat(lines).anySatisfy(line -> assertThat(line).contains("process " + process.getKey() + " version 1",
					"(housing-stay.bpmn)", "set to 90 days", "acolhida.retention.after-closing",
					"it was " + inFile + " days"));
		}
		for (DecisionDefinition decision : decisions) {
			assertThat(lines).anySatisfy(line -> assertThat(line).contains("decision " + decision.getKey() + " version 1",
					"(reception-triage.dmn)", "set to 90 days", "it was " + inFile + " days"));
		}

		// once aligned, the next run (before each daily erasure) has nothing to replace and says nothing
		logged.list.clear();
		assertThat(timeToLive.align()).isZero();
		assertThat(logged.list).isEmpty();
	}

	/** What the file says, as Modeler shows it. */
	private static int timeToLiveInFile(Path file) throws IOException {
		var matcher = Pattern.compile("camunda:historyTimeToLive=\"(\\d+)\"").matcher(Files.readString(file));
		assertThat(matcher.find()).as("%s gives a history time to live", file).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

}
