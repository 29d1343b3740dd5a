package org.acolhida.papers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.documentation.DocumentationProcess;
import org.acolhida.documentation.DocumentationProcess.Elements;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.documentation.DocumentationService;
import org.acolhida.housing.ShelterCapacity;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.literacy.ClassSeats;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TasklistSession;
import org.acolhida.units.DocumentType;
import org.acolhida.units.OpeningHours.Opening;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Papers as a person gets them, read back with PDFBox: the office's address and next opening from the
 * directory, the papers to bring from the checklist table, the appointment at the office's own time,
 * Urdu and Arabic in logical order, one or two pages, and only for staff of the case's unit. The engine
 * clock stands on Wednesday 4 March 2026 at 20:00 in Sorocaba (00:00 on Thursday in Cremona), so that
 * offices are closed and "next opening" is a day ahead.
 */
@PostgresIntegrationTest
class PapersIT {

	private static final Instant NOW = Instant.parse("2026-03-04T23:00:00Z");

	private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	CaseFiles cases;

	@Autowired
	DocumentationService documentation;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	DecisionService decisions;

	@Autowired
	UnitDirectory units;

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	@Autowired
	ShelterCapacity shelters;

	@Autowired
	ClassSeats classes;

	JobExecutor jobExecutor;

	@BeforeEach
	void standTheClock() {
		jobExecutor = ((ProcessEngineConfigurationImpl) engineConfiguration).getJobExecutor();
		if (jobExecutor != null && jobExecutor.isActive()) {
			jobExecutor.shutdown();
		}
		else {
			jobExecutor = null;
		}
		ClockUtil.setCurrentTime(Date.from(NOW));
	}

	@AfterEach
	void resumeTheClock() {
		ClockUtil.reset();
		if (jobExecutor != null) {
			jobExecutor.start();
		}
	}

	@Test
	void shouldPrintTheChecklistInHaitianCreoleWithPortugueseBesideAndTheOfficesNextOpening() {
		String caseNumber = caseInOrientation("SOR-CRAS-NORTE", "Yolette", "Pierre", List.of("ht", "fr"), "bruno",
				"CRNM:1", "HUMANITARIAN_VISA");

		ResponseEntity<byte[]> response = get("bruno", caseNumber, "document-checklist", null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		PaperPdf paper = PaperPdf.read(response.getBody());
		assertThat(paper.pages()).isBetween(1, 2);
		String text = paper.words();
		// the language recorded first for her, with the staff's beside it
		assertThat(text).contains("Papye pou pote", "Documentos para levar", "Yolette Pierre", caseNumber);
		ServiceUnit office = units.officeFor(DocumentType.CRNM, "Sorocaba").orElseThrow();
		assertThat(text).contains(office.getName(), office.getAddress());
		Opening next = units.openingAt(office.getCode(), NOW).next().orElseThrow();
		ZonedDateTime opens = next.opens();
		String time = String.format(Locale.ROOT, "%02d:%02d", opens.getHour(), opens.getMinute());
		assertThat(text).contains(opens.getDayOfWeek().getDisplayName(TextStyle.FULL, PORTUGUESE) + ", "
				+ opens.getDayOfMonth() + " de " + opens.getMonth().getDisplayName(TextStyle.FULL, PORTUGUESE) + " de "
				+ opens.getYear() + ", às " + time);
		assertThat(text).as("the next opening in Haitian Creole words").contains("Pwochen fwa li ouvè");
		assertThat(opens.toInstant()).isAfter(NOW);
		// the papers of the checklist table's rule, as the Portuguese bundle words them
		DmnDecisionResultEntries rule = checklist("BR", "CRNM", "HUMANITARIAN_VISA");
		String portuguese = ProtocolTexts.fromClasspath("texts_pt_BR.properties")
			.get("checklist." + rule.getEntry("checklistRule") + ".papers");
		assertThat(portuguese).as("the rule's papers in Portuguese").isNotBlank();
		for (String item : portuguese.split(";")) {
			assertThat(text).contains(PaperPdf.flat(item));
		}
		// and in Creole in her column, which is no longer the staff's words with a note
		assertWritesTheRule(paper, "ht", rule.getEntry("checklistRule"));
		// the first mention of the federal police and the CRNM is explained
		assertThat(text).contains("Polícia Federal: polis federal la", "CRNM: kat idantite Brezil pou migran yo");
	}

	@Test
	void shouldListThePapersOfTheChecklistTableInEnglishAsTheTableWordsThem() {
		String caseNumber = caseInOrientation("SOR-CRAS-NORTE", "Amir", "Khan", List.of("ur"), "bruno", "CPF:1",
				"REFUGEE");

		PaperPdf paper = PaperPdf.read(get("bruno", caseNumber, "document-checklist", "en").getBody());

		String papers = checklist("BR", "CPF", "REFUGEE").getEntry("papersToBring");
		for (String item : papers.split(";")) {
			assertThat(paper.words()).contains(PaperPdf.flat(item));
		}
		assertThat(paper.words()).contains("Papers to bring", "Documentos para levar");
	}

	@Test
	void shouldStateTheAppointmentInTheOfficesTimeZone() {
		String sorocaba = caseInOrientation("SOR-CRAS-NORTE", "Yolette", "Pierre", List.of("ht"), "bruno", "CRNM:1",
				"HUMANITARIAN_VISA");
		appointment(sorocaba, "2026-03-16", "10:00");
		String cremona = caseInOrientation("CRE-CARITAS-IMMIGRAZIONE", "Nadia", "Rahman", List.of("it"), "marco",
				"PERMESSO_SOGGIORNO:1", "ASYLUM_SEEKER");
		appointment(cremona, "2026-03-16", "10:15");

		PaperPdf inSorocaba = PaperPdf.read(get("bruno", sorocaba, "appointment-slip", "ht").getBody());
		PaperPdf inCremona = PaperPdf.read(get("marco", cremona, "appointment-slip", null).getBody());

		assertThat(inSorocaba.words()).contains("lendi 16 mas 2026, a 10:00",
				"segunda-feira, 16 de março de 2026, às 10:00", "Sorocaba");
		assertThat(inSorocaba.words()).doesNotContain("13:00"); // 10:00 in Sorocaba is 13:00 UTC
		assertThat(inCremona.words()).contains("lunedì 16 marzo 2026, ore 10:15", "Cremona",
				units.unit("CRE-QUESTURA").getAddress());
		assertThat(inCremona.words()).doesNotContain("09:15"); // 10:15 in Cremona is 09:15 UTC
		assertThat(inCremona.words()).as("the day before, in her words").contains("domenica 15 marzo 2026");
		assertThat(inSorocaba.pages()).isBetween(1, 2);
		assertThat(inCremona.pages()).isBetween(1, 2);
	}

	@Test
	void shouldWriteUrduAndArabicThatReadBackInLogicalOrder() {
		String caseNumber = caseInOrientation("CRE-CARITAS-IMMIGRAZIONE", "Amir", "Khan", List.of("ur", "en"), "marco",
				"PERMESSO_SOGGIORNO:1", "ASYLUM_SEEKER");

		PaperPdf urduPaper = PaperPdf.read(get("marco", caseNumber, "document-checklist", null).getBody());
		PaperPdf arabicPaper = PaperPdf.read(get("marco", caseNumber, "document-checklist", "ar").getBody());

		Map<String, String> ur = ProtocolTexts.fromClasspath("papers/papers_ur.properties");
		Map<String, String> ar = ProtocolTexts.fromClasspath("papers/papers_ar.properties");
		for (String key : List.of("title.document-checklist", "checklist.bring", "footer.keep")) {
			String urdu = PaperPdf.fold(PaperPdf.flat(ur.get(key)));
			String arabic = PaperPdf.fold(PaperPdf.flat(ar.get(key)));
			// in logical order: a stripper that gave the drawn (visual) order would spell each word backwards
			for (String sentence : urdu.split("[.:\u06D4\u060C]|\\{language}")) {
				assertThat(urduPaper.letters()).as("Urdu " + key).contains(sentence.trim());
			}
			for (String sentence : arabic.split("[.:\u06D4\u060C]|\\{language}")) {
				assertThat(arabicPaper.letters()).as("Arabic " + key).contains(sentence.trim());
			}
		}
		// the checklist table's papers and fee in Urdu and Arabic, in logical order too
		String rule = checklist("IT", "PERMESSO_SOGGIORNO", "ASYLUM_SEEKER").getEntry("checklistRule");
		assertWritesTheRule(urduPaper, "ur", rule);
		assertWritesTheRule(arabicPaper, "ar", rule);
		assertThat(urduPaper.words()).contains("Documenti da portare", "Amir Khan", caseNumber);
		assertThat(urduPaper.pages()).isBetween(1, 2);
		assertThat(arabicPaper.pages()).isBetween(1, 2);
	}

	@Test
	void shouldPrintTheChecklistTablesPapersAndFeeInEachPersonsLanguageWithoutTheFallbackNote() {
		String caseNumber = caseInOrientation("SOR-CRAS-NORTE", "Yolette", "Pierre", List.of("ht"), "bruno", "CRNM:1",
				"HUMANITARIAN_VISA");
		String rule = checklist("BR", "CRNM", "HUMANITARIAN_VISA").getEntry("checklistRule");
		String portuguese = ProtocolTexts.fromClasspath("texts_pt_BR.properties").get("checklist." + rule + ".papers");

		for (String language : List.of("es", "fr", "ht", "ur", "ar")) {
			PaperPdf paper = PaperPdf.read(get("bruno", caseNumber, "document-checklist", language).getBody());
			assertWritesTheRule(paper, language, rule);
			// the staff's column keeps the Portuguese words the worker checks against
			for (String item : portuguese.split(";")) {
				assertThat(paper.words()).as("Portuguese beside %s", language).contains(PaperPdf.flat(item));
			}
			assertThat(paper.pages()).as("pages in %s", language).isBetween(1, 2);
		}
	}

	/**
	 * The paper lists the rule's papers and fee as the person's bundle words them, with no note that the
	 * list is in another language. Urdu and Arabic are compared by their runs of Arabic script, folded as
	 * {@link PaperPdf#letters()} reads them: codes and figures between them (CRNM, EUR 16) are drawn
	 * left to right inside the line, which moves them in the text read back, but not the words around.
	 */
	private static void assertWritesTheRule(PaperPdf paper, String language, String rule) {
		Map<String, String> bundle = ProtocolTexts.fromClasspath(ProtocolTexts.fileName("papers/papers", language));
		boolean arabicScript = language.equals("ur") || language.equals("ar");
		// vowel signs (shadda, tanween) may come back beside another letter: compared without them
		String shown = arabicScript ? withoutVowelSigns(paper.letters()) : paper.words();
		String note = bundle.get("checklist.untranslated").split("[.\u06D4]")[0].trim();
		assertThat(shown).as("the fallback note in %s", language)
			.doesNotContain(arabicScript ? withoutVowelSigns(PaperPdf.fold(note)) : note);
		String papers = bundle.get("checklist." + rule + ".papers");
		String fee = bundle.get("checklist." + rule + ".fee");
		assertThat(papers).as("papers of %s in %s", rule, language).isNotBlank();
		List<String> expected = new java.util.ArrayList<>(List.of(papers.split(";")));
		expected.add(fee);
		for (String item : expected) {
			if (!arabicScript) {
				assertThat(shown).as("%s of %s", language, rule).contains(PaperPdf.flat(item));
				continue;
			}
			for (String run : withoutVowelSigns(PaperPdf.fold(item)).split("[^\\p{IsArabic}\\s]+|[\u060C\u061B\u06D4]")) {
				if (run.trim().codePoints().filter(Character::isLetter).count() >= 3) {
					assertThat(shown).as("%s of %s", language, rule).contains(PaperPdf.flat(run));
				}
			}
		}
	}

	private static String withoutVowelSigns(String text) {
		return text.replaceAll("[\u064B-\u065F\u0670]", "");
	}

	@Test
	void shouldPrintTheReferralLetterAndTheShelterAndClassSlips() {
		String caseNumber = cases.open(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "María", "Pérez",
				LocalDate.of(1990, 2, 1), "Venezuela", List.of("es"), List.of()), null, false), "ana").getCaseNumber();
		long hold = shelters.hold(caseNumber, "SOR-ACOLHIDA-MIGRANTE", 2, "carla", Duration.ofHours(4)).orElseThrow()
			.id();
		shelters.confirm(hold).orElseThrow();
		long seat = classes.enroll(caseNumber + "-M1", caseNumber, "SOR-CURSO-PT-A1").orElseThrow().id();

		PaperPdf referral = PaperPdf.read(get("ana", caseNumber, "referral-letter", null, "&to=SOR-CREAS-1").getBody());
		PaperPdf shelter = PaperPdf.read(get("carla", caseNumber, "shelter-placement-slip", null, "").getBody());
		PaperPdf course = PaperPdf.read(get("davi", caseNumber, "class-enrolment-slip", null, "").getBody());

		ServiceUnit creas = units.unit("SOR-CREAS-1");
		assertThat(referral.words()).contains("Carta de derivación", "Vaya a: " + creas.getName(), creas.getAddress(),
				"CREAS: la oficina pública", "Carta de encaminhamento");
		assertThat(shelter.words()).contains("Su lugar: " + units.unit("SOR-ACOLHIDA-MIGRANTE").getName(),
				"Camas para su familia: 2. Desde el miércoles 4 de marzo de 2026",
				units.unit("SOR-ACOLHIDA-MIGRANTE").getAddress());
		assertThat(course.words()).contains("Clase: " + units.unit("SOR-CURSO-PT-A1").getName() + ", para María Pérez",
				"Clases en portugués", units.unit("SOR-CURSO-PT-A1").getAddress());
		for (PaperPdf paper : List.of(referral, shelter, course)) {
			assertThat(paper.pages()).isBetween(1, 2);
		}
		shelters.exit(caseNumber);
		classes.withdraw(seat);
	}

	@Test
	void shouldNameTheLanguageAPaperIsNotYetWrittenIn() {
		String caseNumber = caseInOrientation("SOR-CRAS-NORTE", "Kenji", "Sato", List.of("ja"), "bruno", "CPF:1",
				"WORKER");

		PaperPdf paper = PaperPdf.read(get("bruno", caseNumber, "document-checklist", null).getBody());

		assertThat(paper.words()).contains("Este papel ainda não está escrito em japonês. Aqui está em português.",
				"Documentos para levar");
	}

	@Test
	void shouldGivePapersOnlyToStaffOfTheCasesUnit() {
		String caseNumber = caseInOrientation("SOR-CRAS-NORTE", "Yolette", "Pierre", List.of("ht"), "bruno", "CPF:1",
				"REFUGEE");

		ResponseEntity<byte[]> otherUnit = get("marco", caseNumber, "document-checklist", "ht");
		ResponseEntity<byte[]> unknownForStaff = get("bruno", "SOR-1999-000001", "document-checklist", "ht");
		ResponseEntity<String> unknownForManager = rest.withBasicAuth("helena", "demo")
			.getForEntity("/api/cases/SOR-1999-000001/papers/document-checklist.pdf", String.class);
		ResponseEntity<String> unknownKind = rest.withBasicAuth("bruno", "demo")
			.getForEntity("/api/cases/" + caseNumber + "/papers/passport.pdf", String.class);
		ResponseEntity<String> unknownLanguage = rest.withBasicAuth("bruno", "demo")
			.getForEntity("/api/cases/" + caseNumber + "/papers/document-checklist.pdf?lang=zz", String.class);
		ResponseEntity<String> nothingToPrint = rest.withBasicAuth("bruno", "demo")
			.getForEntity("/api/cases/" + caseNumber + "/papers/shelter-placement-slip.pdf", String.class);

		assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(otherUnit.getBody() == null ? "" : new String(otherUnit.getBody()))
			.doesNotContain("%PDF").doesNotContain("Yolette");
		assertThat(unknownForStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(unknownForManager.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownKind.getBody()).contains("Não existe o papel 'passport'");
		assertThat(unknownLanguage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownLanguage.getBody()).contains("'zz' não é um código de língua");
		assertThat(nothingToPrint.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(nothingToPrint.getBody()).contains("não tem vaga em abrigo");
	}

	/**
	 * Tasklist's papers tab links to the webapps' API, where the Tasklist session is the worker: the owning
	 * unit's adviser gets the PDF, another unit's gets 403 with nothing of the case, and no session gets 401.
	 */
	@Test
	void shouldGiveTheTasklistSessionOfTheOwningUnitThePaper() {
		String caseNumber = caseInOrientation("SOR-CRAS-NORTE", "Yolette", "Pierre", List.of("ht"), "bruno", "CPF:1",
				"REFUGEE");
		String path = "/camunda/api/acolhida/papers/cases/" + caseNumber + "/document-checklist.pdf?lang=ht";

		ResponseEntity<byte[]> bruno = rest.exchange(path, HttpMethod.GET,
				new HttpEntity<>(TasklistSession.of(rest, "bruno")), byte[].class);
		ResponseEntity<byte[]> marco = rest.exchange(path, HttpMethod.GET,
				new HttpEntity<>(TasklistSession.of(rest, "marco")), byte[].class);
		ResponseEntity<byte[]> nobody = rest.getForEntity(path, byte[].class);

		assertThat(bruno.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(bruno.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(new String(bruno.getBody(), 0, 5)).isEqualTo("%PDF-");
		assertThat(marco.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(marco.getBody() == null ? "" : new String(marco.getBody())).doesNotContain("%PDF")
			.doesNotContain("Yolette");
		assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	/**
	 * The pictures of the README: set {@code -Dpapers.images=docs/images} to write them there; by default
	 * they go to {@code target/}, so that a test run leaves the repository alone.
	 */
	@Test
	void shouldRenderThreePapersAsImages() throws Exception {
		Path folder = Path.of(System.getProperty("papers.images", "target/papers-images"));
		Files.createDirectories(folder);
		String creole = caseInOrientation("SOR-CRAS-NORTE", "Yolette", "Pierre", List.of("ht"), "bruno", "CRNM:1",
				"HUMANITARIAN_VISA");
		String urdu = caseInOrientation("CRE-CARITAS-IMMIGRAZIONE", "Amir", "Khan", List.of("ur"), "marco",
				"PERMESSO_SOGGIORNO:1", "ASYLUM_SEEKER");
		appointment(urdu, "2026-03-16", "10:15");
		String italian = caseInOrientation("CRE-CARITAS-IMMIGRAZIONE", "Nadia", "Rahman", List.of("it"), "marco",
				"CODICE_FISCALE:1", "ASYLUM_SEEKER");

		Map<String, byte[]> papers = new HashMap<>();
		papers.put("paper-ht-document-checklist.png", get("bruno", creole, "document-checklist", null).getBody());
		papers.put("paper-ur-appointment-slip.png", get("marco", urdu, "appointment-slip", null).getBody());
		papers.put("paper-it-document-checklist.png", get("marco", italian, "document-checklist", null).getBody());

		for (Map.Entry<String, byte[]> paper : papers.entrySet()) {
			try (PDDocument document = Loader.loadPDF(paper.getValue())) {
				javax.imageio.ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png",
						folder.resolve(paper.getKey()).toFile());
			}
			assertThat(Files.size(folder.resolve(paper.getKey()))).isGreaterThan(10_000);
		}
	}

	private ResponseEntity<byte[]> get(String user, String caseNumber, String kind, String lang) {
		return get(user, caseNumber, kind, lang, "");
	}

	private ResponseEntity<byte[]> get(String user, String caseNumber, String kind, String lang, String more) {
		String query = (lang == null ? "" : "&lang=" + lang) + more;
		return rest.withBasicAuth(user, "demo").getForEntity("/api/cases/" + caseNumber + "/papers/" + kind + ".pdf"
				+ query.replaceFirst("^&", "?"), byte[].class);
	}

	/** A household of one whose guidance waits at the orientation on one document. */
	private String caseInOrientation(String unit, String given, String family, List<String> languages, String adviser,
			String document, String situation) {
		String caseNumber = cases.open(new NewCase(unit, new NewPerson(null, given, family, LocalDate.of(1987, 7, 14),
				"Haiti", languages, List.of()), null, false), "ana").getCaseNumber();
		ProcessInstance guidance = documentation.start(caseNumber, adviser);
		complete(guidance.getId(), Elements.CHOOSE_DOCUMENTS, Variables.CHOSEN_DOCUMENTS, document,
				Variables.HOUSEHOLD_SITUATION, situation);
		assertThat(runtime.getActiveActivityIds(guidance.getId())).contains(Elements.ORIENTATION);
		return caseNumber;
	}

	private void appointment(String caseNumber, String date, String time) {
		ProcessInstance guidance = runtime.createProcessInstanceQuery().processDefinitionKey(DocumentationProcess.KEY)
			.processInstanceBusinessKey(caseNumber).singleResult();
		complete(guidance.getId(), Elements.ORIENTATION, Variables.PAPERS_COMPLETE, true);
		complete(guidance.getId(), Elements.SCHEDULE_APPOINTMENT, Variables.APPOINTMENT_DATE, date,
				Variables.APPOINTMENT_TIME, time);
	}

	private void complete(String processInstanceId, String taskKey, Object... keyValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		var found = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
			.listPage(0, 10);
		assertThat(found).as("open task " + taskKey).hasSize(1);
		tasks.complete(found.get(0).getId(), variables);
	}

	private DmnDecisionResultEntries checklist(String country, String documentType, String situation) {
		return decisions.evaluateDecisionByKey(DocumentationProcess.CHECKLIST_DECISION)
			.variables(Map.of("country", country, "documentType", documentType, "situation", situation))
			.evaluate()
			.getFirstResult();
	}

}
