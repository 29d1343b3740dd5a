package org.acolhida.papers;

import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.documentation.DocumentationProcess;
import org.acolhida.documentation.DocumentationProcess.Elements;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.documentation.DocumentationService;
import org.acolhida.journey.TasklistDesk;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.support.Browser;
import org.acolhida.support.Browsers;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.units.DocumentType;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bruno, documentation adviser at CRAS Norte, opens his orientation task from his own list and takes
 * the checklist of papers for Yolette in Haitian Creole from the task's "Papéis" tab: the PDF is
 * fetched from the tab's link in his browser session and read with PDFBox.
 */
@PostgresIntegrationTest
class PapersBrowserIT {

	private static final String LANGUAGE = "pt-BR";

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Autowired
	CaseFiles cases;

	@Autowired
	DocumentationService documentation;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	UnitDirectory units;

	@Test
	void shouldPrintTheDocumentChecklistFromTheOrientationTask() {
		String caseNumber = cases.open(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Yolette", "Pierre",
				LocalDate.of(1987, 7, 14), "Haiti", List.of("ht", "fr"), List.of()), "Éden", true), "ana")
			.getCaseNumber();
		ProcessInstance guidance = documentation.start(caseNumber, "bruno");
		Map<String, Object> choice = new HashMap<>();
		choice.put(Variables.CHOSEN_DOCUMENTS, "CRNM:1");
		choice.put(Variables.HOUSEHOLD_SITUATION, "HUMANITARIAN_VISA");
		tasks.complete(tasks.createTaskQuery().processInstanceId(guidance.getId())
			.taskDefinitionKey(Elements.CHOOSE_DOCUMENTS).singleResult().getId(), choice);
		assertThat(runtime.getActiveActivityIds(guidance.getId())).contains(Elements.ORIENTATION);

		String role = ResourceBundle.getBundle("i18n/tasklists", Locale.forLanguageTag(LANGUAGE))
			.getString("role.documentation") + " · ";
		String unitName = units.unit("SOR-CRAS-NORTE").getName();
		String orientation = ProtocolTexts.fromClasspath(ProtocolTexts.fileName(DocumentationProcess.KEY, LANGUAGE))
			.get(Elements.ORIENTATION);
		Browser browser = browsers.open(LANGUAGE);
		TasklistDesk.signIn(browser, "bruno", LANGUAGE, "papers")
			.openList(role + unitName, name -> name.startsWith(role) && name.length() > role.length()
					&& unitName.startsWith(name.substring(role.length())))
			.openTask(orientation, caseNumber);

		browser.waitUntil("the papers tab", driver -> driver.findElements(By.xpath("//a[normalize-space()='Papéis']"))
			.stream().findFirst().orElse(null)).click();
		WebElement checklist = browser.waitFor(By.cssSelector(".acolhida-papers a[data-paper='document-checklist']"));
		assertThat(checklist.getText()).isEqualTo("Lista de documentos");
		new Select(browser.driver().findElement(By.id("acolhida-papers-language"))).selectByValue("ht");
		String href = checklist.getAttribute("href");
		assertThat(href).contains("/camunda/api/acolhida/papers/cases/" + caseNumber + "/document-checklist.pdf?lang=ht");
		browser.screenshot(browsers.screenshotName("papers-tab"));

		PaperPdf paper = PaperPdf.read(fetch(browser, href));

		assertThat(paper.pages()).isBetween(1, 2);
		assertThat(paper.words()).contains("Papye pou pote", "Documentos para levar", "Yolette Pierre", caseNumber,
				units.officeFor(DocumentType.CRNM, "Sorocaba").orElseThrow().getAddress());
		runtime.deleteProcessInstance(guidance.getId(), "test done");
	}

	/** The bytes of a link, fetched by the page itself, with the worker's Tasklist sign-in. */
	private static byte[] fetch(Browser browser, String href) {
		Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
				  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(new Error('HTTP ' + r.status)))
				  .then(b => { let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); })
				  .catch(e => done('error: ' + e.message));
				""", href);
		assertThat(result).as("the PDF fetched in the browser").asString().doesNotStartWith("error");
		return Base64.getDecoder().decode((String) result);
	}

}
