package org.acolhida.reception;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ThreadLocalRandom;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.Member;
import org.acolhida.cases.Relation;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.support.Browser;
import org.acolhida.support.Browsers;
import org.acolhida.support.FormLabels;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.WebappLabels;
import org.acolhida.units.UnitDirectory;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A reception worked in Tasklist as a reception worker does it: ana (CRAS Norte, Sorocaba, in
 * Portuguese) starts a reception from the start form, finds the household registration in her list,
 * registers a child and sees qualified listening come next; the case file holds the household. A birth
 * date in the future is refused in the form and opens no case. Labels, step names and messages come
 * from the form files and the translation files, so the test checks what they say reaches the screen.
 */
@PostgresIntegrationTest
class ReceptionBrowserIT {

	static final String WORKER = "ana";

	static final String WORKER_UNIT = "SOR-CRAS-NORTE";

	static final String LANGUAGE = "pt-BR";

	static final WebappLabels TASKLIST = WebappLabels.of("tasklist", "pt");

	static final FormLabels START_FORM = FormLabels.of("reception-start", LANGUAGE);

	static final FormLabels HOUSEHOLD_FORM = FormLabels.of("reception-household", LANGUAGE);

	static final Map<String, String> STEPS = ProtocolTexts
		.fromClasspath(ProtocolTexts.fileName(ReceptionProcess.KEY, LANGUAGE));

	/** The task lists' names, in the worker's language. */
	static final ResourceBundle LISTS = ResourceBundle.getBundle("i18n/tasklists", Locale.forLanguageTag(LANGUAGE));

	static final ResourceBundle FORM_ERRORS = ResourceBundle.getBundle("i18n/form-errors",
			Locale.forLanguageTag(LANGUAGE));

	/** How form-js shows and takes dates in a date field. */
	static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("MM/dd/yyyy");

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseFiles caseFiles;

	@Autowired
	UnitDirectory units;

	@Autowired
	SpokenLanguages languages;

	final List<String> refusedRequests = new ArrayList<>();

	/** The reference person came alone: the worker leaves the household list empty. */
	@Test
	void shouldStartAReceptionAndRegisterAPersonWhoCameAloneInTasklist() throws Exception {
		CaseFile file = receive(false);
		assertThat(file.getMembers()).extracting(Member::relation, Member::givenName, Member::birthDate)
			.containsExactly(tuple(Relation.REFERENCE_PERSON, "Marisol", LocalDate.of(1988, 3, 14)));
	}

	/**
	 * The worker adds a child to the household list. Tasklist 7.24 keeps "Complete" disabled once a field
	 * inside a Camunda Forms dynamic list has been edited, though every required field is filled and the
	 * form shows no error (screenshot {@code ...-05-household-form-filled.png}; the button is
	 * {@code disabled="disabled"} in {@code ...-failed.html}): workers cannot register family members.
	 */
	@Test
	void shouldStartAReceptionAndRegisterTheHouseholdInTasklist() throws Exception {
		CaseFile file = receive(true);
		assertThat(file.getMembers()).extracting(Member::relation, Member::givenName, Member::birthDate)
			.containsExactly(tuple(Relation.REFERENCE_PERSON, "Marisol", LocalDate.of(1988, 3, 14)),
					tuple(Relation.CHILD, "Tomás", LocalDate.of(2016, 7, 2)));
		assertThat(file.getMembers().get(1).languageList()).containsExactly("es", "pt");
	}

	/**
	 * ana starts a reception, finds the household task in her unit's list, works it and sees qualified
	 * listening next; returns the case file.
	 */
	private CaseFile receive(boolean withMember) throws Exception {
		String familyName = "Valdés " + token();
		Browser browser = browsers.open(LANGUAGE);
		browser.logInToTasklist(WORKER, "demo").waitForText(TASKLIST.get("START_PROCESS"));
		shot(browser, "01-tasklist");

		openStartForm(browser);
		shot(browser, "02-start-form");
		WebElement form = browser.waitFor(By.cssSelector(".modal-dialog .fjs-form"));
		assertThat(form.findElement(By.xpath(".//label[starts-with(normalize-space(), " + literal(START_FORM.label("unitCode"))
				+ ")]/ancestor::div[contains(@class,'fjs-form-field')][1]//*[contains(@class,'fjs-select-display')]")).getText())
			.as("her own unit, chosen by name").isEqualTo(units.unit(WORKER_UNIT).getName());
		type(form, START_FORM.label("givenName"), "Marisol");
		type(form, START_FORM.label("familyName"), familyName);
		date(form, START_FORM.label("birthDate"), LocalDate.of(1988, 3, 14));
		search(form, START_FORM.label("nationality"), "Venezuela");
		tag(form, START_FORM.label("languages"), languages.name("es", LANGUAGE));
		choose(form, START_FORM.label("documentType"), START_FORM.option("documentType", "PASSPORT"));
		type(form, START_FORM.label("documentNumber"), "VE" + token().toUpperCase(Locale.ROOT));
		type(form, START_FORM.label("district"), "Éden");
		click(field(form, START_FORM.label("interpreterNeeded")));
		shot(browser, "03-start-form-filled");
		clickButton(browser, TASKLIST.get("START"));

		String caseNumber = browser.waitUntil("the case of " + familyName + " to be opened",
				driver -> caseOf(familyName));
		String personName = "Marisol " + familyName;
		String household = taskName("task_register_household", caseNumber, personName);
		focusFilter(browser, unitList());
		taskInList(browser, household);
		shot(browser, "04-household-task-in-list");

		// Tasklist refreshes the list on its own: the link found a moment ago may have been redrawn.
		browser.waitUntil("the household task to open", driver -> {
			driver.findElement(By.xpath(taskLink(household))).click();
			return true;
		});
		// She started the case: its next step at her own desk is hers already, nothing to claim.
		browser.waitFor(By.cssSelector("[cam-tasklist-task] .fjs-form"));
		assertThat(browser.driver().findElements(By.cssSelector("[cam-tasklist-task] button.claim")))
			.as("the household task of the case she started is assigned to her").isEmpty();
		WebElement householdForm = browser.waitFor(By.cssSelector("[cam-tasklist-task] .fjs-form"));
		browser.waitForText(HOUSEHOLD_FORM.label("membersCount"));
		assertThat(browser.pageText()).as("the form shows whose household it is").contains(caseNumber, personName);
		if (withMember) {
			type(householdForm, HOUSEHOLD_FORM.label("membersCount"), "1");
			WebElement member = browser.waitFor(By.xpath("//*[contains(@class,'fjs-form-field-group')]"
					+ "[.//*[normalize-space()=" + literal(HOUSEHOLD_FORM.label("member1")) + "]]"));
			choose(member, HOUSEHOLD_FORM.label("relation"), HOUSEHOLD_FORM.option("relation", "CHILD"));
			type(member, HOUSEHOLD_FORM.label("givenName"), "Tomás");
			date(member, HOUSEHOLD_FORM.label("birthDate"), LocalDate.of(2016, 7, 2));
			// family name, nationality and Spanish come from his mother; he speaks Portuguese too
			assertThat(field(member, HOUSEHOLD_FORM.label("familyName")).getAttribute("value")).isEqualTo(familyName);
			assertThat(field(member, HOUSEHOLD_FORM.label("nationality")).getAttribute("value")).isEqualTo("Venezuela");
			tag(member, HOUSEHOLD_FORM.label("languages"), languages.name("pt", LANGUAGE));
			scrollTo(member);
		}
		shot(browser, "05-household-form-filled");
		clickButton(browser, TASKLIST.get("COMPLETE"));

		// The next step in the list shows the household was saved (Tasklist's own "completed" notice
		// may already have faded on a slow machine).
		taskInList(browser, taskName("task_qualified_listening", caseNumber, personName));
		shot(browser, "06-listening-task-in-list");
		assertThat(browser.driver().findElements(By.xpath(taskLink(household)))).as("household task done").isEmpty();

		CaseFile file = caseFiles.find(caseNumber);
		assertThat(file.getOwningUnit()).isEqualTo(WORKER_UNIT);
		assertThat(file.getDistrict()).isEqualTo("Éden");
		assertThat(file.isInterpreterNeeded()).isTrue();
		assertThat(file.documentsOf(1)).hasSize(1);
		reportRefusedRequests(browser);
		return file;
	}

	@Test
	void shouldRefuseABirthDateInTheFutureInTheStartFormAndOpenNoCase() throws Exception {
		String familyName = "Futuro " + token();
		Browser browser = browsers.open(LANGUAGE);
		browser.logInToTasklist(WORKER, "demo").waitForText(TASKLIST.get("START_PROCESS"));

		openStartForm(browser);
		WebElement form = browser.waitFor(By.cssSelector(".modal-dialog .fjs-form"));
		type(form, START_FORM.label("givenName"), "Dayana");
		type(form, START_FORM.label("familyName"), familyName);
		date(form, START_FORM.label("birthDate"), LocalDate.now().plusYears(1));
		search(form, START_FORM.label("nationality"), "Venezuela");
		type(form, START_FORM.label("district"), "Éden");
		clickButton(browser, TASKLIST.get("START"));

		browser.waitForText(FORM_ERRORS.getString("error.future"));
		WebElement message = browser.waitFor(By.xpath("//*[contains(@class,'modal-dialog')]//*[contains(text(),"
				+ literal(FORM_ERRORS.getString("error.future")) + ")]"));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);", message);
		shot(browser, "01-future-birth-date-refused");
		assertThat(browser.pageText()).contains(FORM_ERRORS.getString("refused"),
				START_FORM.label("birthDate"));
		assertThat(browser.driver().findElements(By.cssSelector(".modal-dialog .fjs-form")))
			.as("the start form stays open to be corrected").isNotEmpty();
		assertThat(caseOf(familyName)).as("no case opened").isNull();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_variable WHERE text_ = ?", Integer.class,
				familyName)).as("no process instance kept the submission").isZero();
		reportRefusedRequests(browser);
	}

	@Test
	void shouldShowTheTaskListsToAReceptionWorkerInHerLanguage() {
		Browser browser = browsers.open(LANGUAGE);
		browser.logInToTasklist(WORKER, "demo").waitForText(TASKLIST.get("START_PROCESS"));

		assertThat(filter(browser, unitList()).isDisplayed()).isTrue();
		assertThat(filter(browser, LISTS.getString("assigned.name")).isDisplayed()).isTrue();
		assertThat(filter(browser, LISTS.getString("urgent.name")).isDisplayed()).isTrue();
		shot(browser, "filters");
	}

	/** "Recepção · CRAS Norte": the list of her desk. */
	private String unitList() {
		return LISTS.getString("role.reception") + " · " + units.unit(WORKER_UNIT).getName();
	}

	/**
	 * Header link "Start process", then the reception process in the list of the dialog, by its name in
	 * the worker's language (from the process's bundle; the diagram's name is the English one).
	 */
	private void openStartForm(Browser browser) {
		String processName = ProtocolTexts
			.fromClasspath(ProtocolTexts.fileName(ReceptionProcess.KEY, LANGUAGE))
			.get("process.name");
		assertThat(processName).as("the reception's name in " + LANGUAGE).isNotBlank();
		browser.waitFor(By.xpath("//a[normalize-space()=" + literal(TASKLIST.get("START_PROCESS")) + "]")).click();
		browser.waitFor(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()=" + literal(processName) + "]"))
			.click();
		browser.waitForText(START_FORM.label("givenName"));
	}

	private void focusFilter(Browser browser, String name) {
		filter(browser, name).click();
	}

	private static WebElement filter(Browser browser, String name) {
		return browser.waitFor(By.xpath("//*[contains(@class,'task-filter')]//a[starts-with(normalize-space(), " + literal(name) + ")]"));
	}

	private WebElement taskInList(Browser browser, String name) {
		return browser.waitFor(By.xpath(taskLink(name)));
	}

	private static String taskLink(String name) {
		return "//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space()=" + literal(name)
				+ "]";
	}

	/** "Registrar a família · SOR-2026-000001 · Marisol Valdés" */
	private static String taskName(String taskId, String caseNumber, String personName) {
		assertThat(STEPS).as("the Portuguese name of " + taskId).containsKey(taskId);
		return STEPS.get(taskId) + " · " + caseNumber + " · " + personName;
	}

	private String caseOf(String familyName) {
		List<String> numbers = jdbc.queryForList("SELECT f.case_number FROM case_file f JOIN case_member m "
				+ "ON m.case_file = f.id WHERE m.member_no = 1 AND m.family_name = ?", String.class, familyName);
		assertThat(numbers).as("cases of " + familyName).hasSizeLessThanOrEqualTo(1);
		return numbers.isEmpty() ? null : numbers.get(0);
	}

	/** The input that the form-js label {@code label} (without its required mark) is for, inside {@code scope}. */
	private static WebElement field(SearchContext scope, String label) {
		WebElement found = scope.findElements(By.cssSelector("label"))
			.stream()
			.filter(l -> l.getText().replace("*", "").trim().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no field labelled \"" + label + "\""));
		return scope.findElement(By.id(found.getAttribute("for")));
	}

	private static void type(SearchContext scope, String label, String text) {
		WebElement input = field(scope, label);
		scrollTo(input);
		input.clear();
		input.sendKeys(text);
	}

	private static void date(SearchContext scope, String label, LocalDate date) {
		WebElement input = field(scope, label);
		scrollTo(input);
		input.sendKeys(DATE_INPUT.format(date));
		input.sendKeys(Keys.TAB);
	}

	/** Adds the option shown as {@code option} to a form-js tag list, narrowed by its first letters. */
	private static void tag(SearchContext scope, String label, String option) {
		WebElement input = field(scope, label);
		click(input);
		input.sendKeys(option.substring(0, 3));
		WebElement container = input.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
		new org.openqa.selenium.support.ui.WebDriverWait(((org.openqa.selenium.WrapsDriver) input).getWrappedDriver(),
				java.time.Duration.ofSeconds(10))
			.until(driver -> container.findElements(By.cssSelector(".fjs-dropdownlist-item"))
				.stream()
				.filter(item -> item.getText().trim().equals(option))
				.findFirst()
				.orElse(null))
			.click();
		// Leaves the tag list, closing its options. Escape would close Tasklist's start dialog too, and Tab
		// would open the next select's options, which a click on it would then close again.
		((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) input).getWrappedDriver())
			.executeScript("arguments[0].blur();", input);
	}

	/** Picks {@code option} in a searchable select (the countries) as in a tag list: first letters, then the name. */
	private static void search(SearchContext scope, String label, String option) {
		tag(scope, label, option);
	}

	/** Opens a form-js select and picks the option shown as {@code option}. */
	private static void choose(SearchContext scope, String label, String option) {
		WebElement container = field(scope, label)
			.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
		click(container.findElement(By.cssSelector(".fjs-input-group")));
		container.findElements(By.cssSelector(".fjs-dropdownlist-item"))
			.stream()
			.filter(item -> item.getText().trim().equals(option))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no option \"" + option + "\" under \"" + label + "\""))
			.click();
	}

	private static void clickButton(Browser browser, String text) {
		click(browser.waitUntil("a button \"" + text + "\" to be clickable", ExpectedConditions
			.elementToBeClickable(By.xpath("//button[normalize-space()=" + literal(text) + "]"))::apply));
	}

	/**
	 * Clicks an element after scrolling it to the middle of the view, clear of the dialog's header and
	 * footer. Tasklist's notices ("task claimed") may cover it for a moment, as they would a person's
	 * click: then it waits for them to go and clicks again.
	 */
	private static void click(WebElement element) {
		scrollTo(element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException covered) {
			org.openqa.selenium.WebDriver driver = ((org.openqa.selenium.WrapsDriver) element).getWrappedDriver();
			new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
				.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
			element.click();
		}
	}

	private static void scrollTo(WebElement element) {
		((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) element).getWrappedDriver())
			.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	private void shot(Browser browser, String step) {
		browser.screenshot(browsers.screenshotName(step));
		refusedRequests.addAll(browser.failedRequests());
	}

	/** Writes the requests the server refused during the test next to the screenshots, for people to read. */
	private void reportRefusedRequests(Browser browser) throws Exception {
		refusedRequests.addAll(browser.failedRequests());
		List<String> lines = new ArrayList<>(refusedRequests);
		browser.consoleErrors().forEach(error -> lines.add("console: " + error));
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.write(Browser.SCREENSHOTS.resolve(browsers.screenshotName("refused-requests") + ".txt"), lines);
	}

	/** Letters only, so that names look like names in the screenshots. */
	private static String token() {
		StringBuilder token = new StringBuilder("Q");
		for (int i = 0; i < 5; i++) {
			token.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return token.toString();
	}

	/** An XPath string literal for {@code text}, which may hold apostrophes. */
	private static String literal(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

}
