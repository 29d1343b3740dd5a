package org.acolhida.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;

import org.acolhida.support.Browser;
import org.acolhida.support.WebappLabels;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One worker at their desk in Tasklist, driven as they would drive it: sign in, open one of their lists
 * by name, find a task of a case in it by its step and case number, open it, fill the form by the
 * labels they read, complete it. It never goes to a task by id or URL. It counts what the worker does
 * for each task (clicks, and fields filled) into an {@link Effort}: opening the list and the task,
 * claiming it, every field and the final click on "Complete"; what a test does on purpose to be
 * refused is not counted, since a worker would not do it.
 */
final class Desk {

	/** How form-js shows and takes dates in a date field. */
	static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("MM/dd/yyyy");

	/** How form-js takes a time in a 24-hour time field. */
	static final DateTimeFormatter TIME_INPUT = DateTimeFormatter.ofPattern("HH:mm");

	private static final Duration TASK_PATIENCE = Duration.ofSeconds(60);

	private final Browser browser;

	private final String worker;

	private final String language;

	private final WebappLabels tasklist;

	private final Effort effort;

	private final Shots shots;

	private String list;

	private Predicate<String> listNamed;

	private int clicks;

	private int fields;

	private boolean counting = true;

	/** Where the form being filled is: a task's, or the start form's dialog. */
	private By formLocator = TASK_FORM;

	private static final By TASK_FORM = By.cssSelector("[cam-tasklist-task] .fjs-form");

	private static final By START_FORM = By.cssSelector(".modal-dialog .fjs-form");

	Desk(Browser browser, String worker, String language, Effort effort, Shots shots) {
		this.browser = browser;
		this.worker = worker;
		this.language = language;
		this.tasklist = WebappLabels.of("tasklist", language.substring(0, 2));
		this.effort = effort;
		this.shots = shots;
	}

	String worker() {
		return worker;
	}

	Browser browser() {
		return browser;
	}

	/** Signs in to Tasklist with the demo password. */
	Desk signIn() {
		browser.logInToTasklist(worker, "demo").waitForText(tasklist.get("START_PROCESS"));
		return this;
	}

	/** Opens the list named {@code name} (as the bundles name it) from the filters on the left. */
	Desk openList(String name) {
		return openList(name, name::equals);
	}

	/**
	 * Opens the list from the filters on the left whose name (without its count) passes {@code named},
	 * described as {@code description} in messages.
	 */
	Desk openList(String description, Predicate<String> named) {
		this.list = description;
		this.listNamed = named;
		click(filter());
		return this;
	}

	/** Whether the list shown holds a task of {@code step} for the case, waiting a little for it. */
	boolean shows(String step, String caseNumber) {
		return !tasks(step, caseNumber).isEmpty();
	}

	/**
	 * Waits until the open list shows a task whose name starts with {@code step} and holds the case
	 * number (reloading the page now and then, as a worker would, since Tasklist does not push new
	 * tasks), and returns the names of those tasks.
	 */
	List<String> waitForTask(String step, String caseNumber) {
		Instant until = Instant.now().plus(TASK_PATIENCE);
		while (true) {
			List<String> names = tasks(step, caseNumber);
			if (!names.isEmpty()) {
				return names;
			}
			assertThat(Instant.now()).as("%s's list \"%s\" to show \"%s\" of %s", worker, list, step, caseNumber)
				.isBefore(until);
			reloadList();
		}
	}

	/** Opens the task of {@code step} for the case; the first if several. */
	Desk openTask(String step, String caseNumber) {
		return openTask(step, caseNumber, name -> true);
	}

	/** Opens the task of {@code step} for the case whose name also passes {@code which}. */
	Desk openTask(String step, String caseNumber, Predicate<String> which) {
		waitForTask(step, caseNumber);
		for (int attempt = 1;; attempt++) {
			WebElement link = browser.waitUntil("a task \"" + step + "\" of " + caseNumber + " to open",
					driver -> driver.findElements(By.xpath(taskLinks(step, caseNumber)))
						.stream()
						.filter(a -> which.test(a.getText().trim()))
						.findFirst()
						.orElse(null));
			try {
				click(link);
				break;
			}
			catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
				// Tasklist redrew the list between finding the task and clicking it: find it again
				if (attempt == 5) {
					throw redrawn;
				}
			}
		}
		browser.waitFor(By.cssSelector("[cam-tasklist-task] .fjs-form"));
		List<WebElement> claim = browser.driver().findElements(By.cssSelector("[cam-tasklist-task] button.claim"));
		if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
			click(claim.get(0));
			browser.waitUntil("the task to be claimed", driver -> driver
				.findElements(By.cssSelector("[cam-tasklist-task] button.claim"))
				.stream()
				.noneMatch(WebElement::isDisplayed));
		}
		return this;
	}

	/**
	 * Opens "Start process" and the process shown under one of {@code names} (the name in the worker's
	 * language, or the diagram's), and waits for its start form.
	 */
	Desk startProcess(String... names) {
		click(browser.waitFor(By.xpath("//a[normalize-space()=" + literal(tasklist.get("START_PROCESS")) + "]")));
		String anyName = String.join(" or ", java.util.Arrays.stream(names)
			.map(name -> "normalize-space()=" + literal(name))
			.toList());
		click(browser.waitFor(By.xpath("//ul[contains(@class,'processes')]//a[" + anyName + "]")));
		formLocator = START_FORM;
		browser.waitFor(START_FORM);
		return this;
	}

	/** Sends the start form and waits for its dialog to close; records the start's effort as {@code name}. */
	Desk start(String name) {
		click(browser.waitUntil("\"" + tasklist.get("START") + "\" to be clickable", ExpectedConditions
			.elementToBeClickable(By.xpath("//button[normalize-space()=" + literal(tasklist.get("START")) + "]"))::apply));
		browser.waitUntil("the start form to close", ExpectedConditions.invisibilityOfElementLocated(START_FORM)::apply);
		formLocator = TASK_FORM;
		effort.record(worker, name, clicks, fields);
		clicks = 0;
		fields = 0;
		return this;
	}

	/** The form being filled: of the open task, or the start form. */
	WebElement form() {
		return browser.waitFor(formLocator);
	}

	/** The text the worker reads: the open task's header and form, or the start dialog. */
	String screenText() {
		return browser.waitFor(formLocator == START_FORM ? By.cssSelector(".modal-dialog")
				: By.cssSelector("[cam-tasklist-task]")).getText();
	}

	Desk waitForText(String text) {
		browser.waitForText(text);
		return this;
	}

	/** Types into the text, number or text-area field labelled {@code label}. */
	Desk type(String label, String text) {
		return type(form(), label, text);
	}

	Desk type(SearchContext scope, String label, String text) {
		WebElement input = field(scope, label);
		scrollTo(input);
		input.clear();
		input.sendKeys(text);
		countField();
		return this;
	}

	/** The value the field labelled {@code label} shows, e.g. one the form filled in already. */
	String value(String label) {
		return field(form(), label).getAttribute("value");
	}

	Desk date(String label, LocalDate date) {
		return date(form(), label, date);
	}

	Desk date(SearchContext scope, String label, LocalDate date) {
		WebElement input = field(scope, label);
		scrollTo(input);
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		input.sendKeys(DATE_INPUT.format(date));
		input.sendKeys(Keys.TAB);
		countField();
		return this;
	}

	Desk time(String label, LocalTime time) {
		WebElement input = field(form(), label);
		scrollTo(input);
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		input.sendKeys(TIME_INPUT.format(time));
		input.sendKeys(Keys.TAB);
		countField();
		return this;
	}

	/** Picks {@code option} (its label) in the form-js select labelled {@code label}. */
	Desk choose(String label, String option) {
		return choose(form(), label, option);
	}

	Desk choose(SearchContext scope, String label, String option) {
		WebElement container = container(scope, label);
		click(container.findElement(By.cssSelector(".fjs-input-group")));
		WebElement item = browser.waitUntil("option \"" + option + "\" under \"" + label + "\"",
				driver -> container.findElements(By.cssSelector(".fjs-dropdownlist-item"))
					.stream()
					.filter(i -> i.getText().trim().equals(option))
					.findFirst()
					.orElse(null));
		click(item);
		countField();
		return this;
	}

	/**
	 * Picks {@code option} (its label) in the searchable select labelled {@code label}, as a worker does
	 * in a long list such as the countries: a click into it, the first letters, a click on the name.
	 */
	Desk search(String label, String option) {
		WebElement container = container(form(), label);
		WebElement input = container.findElement(By.cssSelector(".fjs-input-group input"));
		click(input);
		input.sendKeys(option.substring(0, Math.min(3, option.length())));
		WebElement item = browser.waitUntil("option \"" + option + "\" under \"" + label + "\"",
				driver -> container.findElements(By.cssSelector(".fjs-dropdownlist-item"))
					.stream()
					.filter(i -> i.getText().trim().equals(option))
					.findFirst()
					.orElse(null));
		click(item);
		countField();
		return this;
	}

	/** The option a select labelled {@code label} shows as chosen, e.g. one the form chose already. */
	String selected(String label) {
		return container(form(), label).findElement(By.cssSelector(".fjs-select-display")).getText().trim();
	}

	/** The value the field labelled {@code label} inside {@code scope} (a group) shows. */
	String value(SearchContext scope, String label) {
		return field(scope, label).getAttribute("value");
	}

	/**
	 * Adds {@code option} (its label) to the tag list labelled {@code label}, as a worker does in a long
	 * list: a click into it, the first letters of the name to narrow the list, a click on the name.
	 */
	Desk tag(String label, String option) {
		return tag(form(), label, option);
	}

	Desk tag(SearchContext scope, String label, String option) {
		WebElement container = container(scope, label);
		WebElement input = container.findElement(By.cssSelector("input.fjs-taglist-input"));
		click(input);
		input.sendKeys(option.substring(0, Math.min(3, option.length())));
		WebElement item = browser.waitUntil("option \"" + option + "\" under \"" + label + "\"",
				driver -> container.findElements(By.cssSelector(".fjs-dropdownlist-item"))
					.stream()
					.filter(i -> i.getText().trim().equals(option))
					.findFirst()
					.orElse(null));
		click(item);
		// Leaves the tag list, closing its options. Escape would close Tasklist's start dialog too, and Tab
		// would open the next select's options, which a click on it would then close again.
		((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) input).getWrappedDriver())
			.executeScript("arguments[0].blur();", input);
		countField();
		return this;
	}

	/** The names the tag list labelled {@code label} inside {@code scope} holds. */
	List<String> tags(SearchContext scope, String label) {
		return container(scope, label).findElements(By.cssSelector(".fjs-taglist-tag-label"))
			.stream()
			.map(tag -> tag.getText().trim())
			.toList();
	}

	/** The options a checklist or radio group labelled {@code label} shows, in order. */
	List<String> choices(String label) {
		List<WebElement> labels = container(form(), label).findElements(By.cssSelector("label"));
		return labels.stream()
			.map(l -> clean(l.getText()))
			.filter(text -> !text.isEmpty() && !text.equals(label))
			.toList();
	}

	/** The option labels the select labelled {@code label} offers, opening and closing its list. */
	List<String> options(String label) {
		WebElement container = container(form(), label);
		WebElement input = container.findElement(By.cssSelector(".fjs-input-group"));
		scrollTo(input);
		input.click();
		List<String> options = browser.waitUntil("the options of \"" + label + "\"",
				driver -> {
					List<String> shown = container.findElements(By.cssSelector(".fjs-dropdownlist-item"))
						.stream()
						.map(i -> i.getText().trim())
						.toList();
					return shown.isEmpty() ? null : shown;
				});
		container.findElement(By.cssSelector("input")).sendKeys(Keys.ESCAPE);
		return options;
	}

	/** Ticks the option {@code option} of a radio group or a checklist labelled {@code label}. */
	Desk pick(String label, String option) {
		WebElement container = container(form(), label);
		WebElement choice = container.findElements(By.cssSelector("label"))
			.stream()
			.filter(l -> clean(l.getText()).equals(option))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no option \"" + option + "\" under \"" + label + "\""));
		click(choice);
		countField();
		return this;
	}

	/** Whether the form shows a field labelled {@code label}. */
	boolean has(String label) {
		return form().findElements(By.cssSelector("label"))
			.stream()
			.anyMatch(l -> l.isDisplayed() && clean(l.getText()).equals(label));
	}

	/** Ticks (or unticks) the single checkbox labelled {@code label}. */
	Desk check(String label) {
		click(field(form(), label));
		countField();
		return this;
	}

	/** Whether the single checkbox labelled {@code label} is ticked. */
	boolean checked(String label) {
		return field(form(), label).isSelected();
	}

	/** The group (e.g. "Family member 1") labelled {@code label}, to fill fields inside it. */
	WebElement group(String label) {
		return browser.waitFor(By.xpath("//*[contains(@class,'fjs-form-field-group')][.//*[normalize-space()="
				+ literal(label) + "]]"));
	}

	/** Completes the open task and waits until Tasklist has closed it; records the task's effort. */
	Desk complete(String taskName) {
		WebElement form = form();
		clickComplete();
		browser.waitUntil("the task \"" + taskName + "\" to be completed", ExpectedConditions.stalenessOf(form)::apply);
		effort.record(worker, taskName, clicks, fields);
		clicks = 0;
		fields = 0;
		return this;
	}

	/**
	 * Makes the deliberate mistake {@code mistake} in the open task, completes it, waits for the refusal
	 * {@code message} on the screen and returns the text shown; the task stays open to be corrected.
	 * What the mistake takes is not counted as the worker's effort.
	 */
	String refused(String message, java.util.function.Consumer<Desk> mistake) {
		int clicksBefore = clicks;
		int fieldsBefore = fields;
		counting = false;
		try {
			mistake.accept(this);
			if (formLocator == START_FORM) {
				click(browser.waitFor(By.xpath("//button[normalize-space()=" + literal(tasklist.get("START")) + "]")));
			}
			else {
				clickComplete();
			}
			browser.waitForText(message);
			return browser.pageText();
		}
		finally {
			counting = true;
			clicks = clicksBefore;
			fields = fieldsBefore;
		}
	}

	/** Opens the tab named {@code name} of the open task, beside its form ("Caso", "Pratica"). */
	Desk openTaskTab(String name) {
		click(browser.waitUntil("the tab \"" + name + "\" of the open task",
				driver -> driver.findElements(By.cssSelector("[cam-tasklist-task] .nav-tabs a"))
					.stream()
					.filter(a -> a.isDisplayed() && a.getText().trim().equals(name))
					.findFirst()
					.orElse(null)));
		return this;
	}

	/** The text of the case tab of the open task, once it has drawn the case. */
	String caseTabText() {
		return browser.waitFor(By.cssSelector("[cam-tasklist-task] .acolhida-case")).getText();
	}

	Path shot(String step) {
		return shots.take(browser, step);
	}

	private void clickComplete() {
		click(browser.waitUntil("\"" + tasklist.get("COMPLETE") + "\" to be clickable", ExpectedConditions
			.elementToBeClickable(By.xpath("//button[normalize-space()=" + literal(tasklist.get("COMPLETE")) + "]"))::apply));
	}

	private List<String> tasks(String step, String caseNumber) {
		for (int attempt = 1;; attempt++) {
			try {
				return browser.driver()
					.findElements(By.xpath(taskLinks(step, caseNumber)))
					.stream()
					.map(a -> a.getText().trim())
					.toList();
			}
			catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
				// Tasklist redrew the list while it was read: read it again
				if (attempt == 5) {
					throw redrawn;
				}
			}
		}
	}

	private static String taskLinks(String step, String caseNumber) {
		return "//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[starts-with(normalize-space(), "
				+ literal(step + " ·") + ") and contains(normalize-space(), " + literal(caseNumber) + ")]";
	}

	/**
	 * Reloads Tasklist and opens the list again, as a worker pressing F5 would. If the reloaded page
	 * does not show the list, Tasklist is opened afresh from its start page, without the list and task
	 * its address held; if it still does not, the failure says what the page showed.
	 */
	private void reloadList() {
		browser.driver().navigate().refresh();
		try {
			filter().click();
		}
		catch (org.openqa.selenium.TimeoutException reloaded) {
			Path shot = shot("list-lost-after-reload");
			browser.driver().navigate().to(browser.driver().getCurrentUrl().replaceAll("#.*$", "#/"));
			try {
				filter().click();
			}
			catch (org.openqa.selenium.TimeoutException reopened) {
				throw new AssertionError("after a reload, " + worker + "'s Tasklist at " + browser.driver().getCurrentUrl()
						+ " showed the lists " + shownLists() + " and not \"" + list + "\" (screenshot " + shot + ")",
						reopened);
			}
		}
	}

	private List<String> shownLists() {
		return browser.driver()
			.findElements(By.cssSelector(".task-filter a"))
			.stream()
			.map(a -> (a.isDisplayed() ? "" : "hidden:") + a.getText().trim())
			.toList();
	}

	/** The link of the open list among the filters, once Tasklist shows it. */
	private WebElement filter() {
		return browser.waitUntil("the list \"" + list + "\" among " + worker + "'s lists",
				driver -> driver.findElements(By.cssSelector(".task-filter a"))
					.stream()
					.filter(a -> a.isDisplayed() && listNamed.test(a.getText().replaceAll("\\s*\\(?\\d+\\)?$", "").trim()))
					.findFirst()
					.orElse(null));
	}

	/** The input that the form-js label {@code label} (without its required mark) is for, inside {@code scope}. */
	private static WebElement field(SearchContext scope, String label) {
		WebElement found = scope.findElements(By.cssSelector("label"))
			.stream()
			.filter(l -> clean(l.getText()).equals(label) && l.getAttribute("for") != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no field labelled \"" + label + "\""));
		return scope.findElement(By.id(found.getAttribute("for")));
	}

	/** The form-js field whose own label (its first) reads {@code label}. */
	private static WebElement container(SearchContext scope, String label) {
		return scope.findElements(By.cssSelector(".fjs-form-field"))
			.stream()
			.filter(field -> field.findElements(By.cssSelector("label, .fjs-form-field-label"))
				.stream()
				.findFirst()
				.map(first -> clean(first.getText()).equals(label))
				.orElse(false))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no field labelled \"" + label + "\""));
	}

	private static String clean(String label) {
		return label.replace("*", "").trim();
	}

	/**
	 * Clicks as a person does: after scrolling the element to the middle of the view. A notice of
	 * Tasklist's covering it is closed first, as a person must (and that is a click too).
	 */
	private void click(WebElement element) {
		scrollTo(element);
		try {
			element.click();
		}
		catch (ElementClickInterceptedException covered) {
			for (WebElement close : browser.driver().findElements(By.cssSelector(".page-notifications .alert .close"))) {
				try {
					if (close.isDisplayed()) {
						close.click();
						count();
					}
				}
				catch (StaleElementReferenceException gone) {
					// the notice went by itself between finding it and closing it: nothing left to close
				}
			}
			browser.waitUntil("Tasklist's notices to go",
					ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert"))::apply);
			element.click();
		}
		count();
	}

	private void countField() {
		if (counting) {
			fields++;
		}
	}

	private void count() {
		if (counting) {
			clicks++;
		}
	}

	private static void scrollTo(WebElement element) {
		((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) element).getWrappedDriver())
			.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	/** An XPath string literal for {@code text}, which may hold apostrophes. */
	static String literal(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

	/** Screenshots of a journey, numbered in the order they are taken, under {@code target/screenshots/journey/}. */
	static final class Shots {

		static final Path DIRECTORY = Browser.SCREENSHOTS.resolve("journey");

		private final String journey;

		private int next = 1;

		Shots(String journey) {
			this.journey = journey;
		}

		Path take(Browser browser, String step) {
			try {
				Files.createDirectories(DIRECTORY);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return browser.screenshot("journey/" + journey + "-" + String.format("%02d", next++) + "-" + step);
		}

	}

}
