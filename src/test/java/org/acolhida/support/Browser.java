package org.acolhida.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium that a test drives against the application under test, with the browser's
 * language chosen by the test. It uses the Chromium and chromedriver installed on the machine
 * (Debian packages {@code chromium} and {@code chromium-driver}; other paths through the environment
 * variables {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}) and never downloads either. Each browser
 * starts from an empty profile, so no cookie, session or cached locale leaks from one test to another.
 * Open browsers through {@link Browsers}, which closes them and photographs them when a test fails.
 */
public final class Browser implements AutoCloseable {

	/** Where screenshots go: kept by the build, looked at by people. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Path profile;

	private final WebDriverWait wait;

	private Browser(ChromeDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, PATIENCE);
	}

	/**
	 * Starts a browser whose user prefers {@code language} (a BCP 47 tag such as {@code pt-BR}).
	 * @param baseUrl the application's root, e.g. {@code http://127.0.0.1:8080}
	 */
	static Browser open(String baseUrl, String language) {
		File driverExecutable = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
		File binary = executable("CHROMIUM_BINARY", "/usr/bin/chromium");
		Path profile;
		try {
			profile = Files.createTempDirectory("acolhida-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		// Naming the binary and the driver is what keeps Selenium Manager from looking for (and
		// downloading) either of them.
		options.setBinary(binary);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,800", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=" + language);
		// Headless Chromium takes navigator.languages (what the Camunda webapps read) from this preference.
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		// The network log, so that a test can say which request of a webapp the server refused.
		options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverExecutable)
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), baseUrl, profile);
	}

	private static File executable(String variable, String fallback) {
		String configured = System.getenv(variable);
		File file = new File(configured == null || configured.isBlank() ? fallback : configured);
		if (!file.canExecute()) {
			throw new IllegalStateException(file + " is missing: the browser tests need Chromium and chromedriver "
					+ "(Debian: apt-get install chromium chromium-driver; elsewhere set " + variable + ")");
		}
		return file;
	}

	/** Goes to {@code path} under the application's root, e.g. {@code /camunda/app/tasklist/}. */
	public Browser open(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	/** Opens Tasklist and waits for its login form. */
	public Browser openTasklistLogin() {
		return openLogin("tasklist");
	}

	/** Opens a Camunda webapp ("tasklist", "cockpit", "admin", "welcome") and waits for its login form. */
	public Browser openLogin(String app) {
		By password = By.cssSelector("form[name=signinForm] input[type=password]");
		open("/camunda/app/" + app + "/");
		try {
			waitFor(password);
		}
		catch (org.openqa.selenium.TimeoutException stillLoading) {
			// A webapp's first load in a new browser can outlast the patience on a busy machine
			// (Tasklist's spinner, no form): open it once more, as a worker would, before failing.
			open("/camunda/app/" + app + "/");
			waitFor(password);
		}
		return this;
	}

	/** Fills in and sends the login form that is on the page. */
	public Browser submitLogin(String user, String password) {
		WebElement name = waitFor(By.cssSelector("form[name=signinForm] input[type=text]"));
		name.clear();
		name.sendKeys(user);
		WebElement secret = driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"));
		secret.clear();
		secret.sendKeys(password);
		driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
		return this;
	}

	/** Logs in to Tasklist and waits until the task list is shown. */
	public Browser logInToTasklist(String user, String password) {
		logIn("tasklist", user, password);
		waitFor(By.cssSelector("[cam-tasks], .tasks-list, [cam-tasklist-filters]"));
		return this;
	}

	/** Logs in to a Camunda webapp and waits until the login form has gone. */
	public Browser logIn(String app, String user, String password) {
		openLogin(app).submitLogin(user, password);
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
		return this;
	}

	/** Waits until an element is visible and returns it. */
	public WebElement waitFor(By locator) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** Waits until the visible text of the page contains {@code text}. */
	public Browser waitForText(String text) {
		new WebDriverWait(driver, PATIENCE)
			.withMessage(() -> "the page to show \"" + text + "\"; it shows:\n" + pageText())
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
		return this;
	}

	/** The text a person sees on the page. */
	public String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the path. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The requests the server answered with an error status (400 and up) since the last call, as
	 * "status URL", in the order they came back. Read from Chromium's network log.
	 */
	public List<String> failedRequests() {
		List<String> failed = new ArrayList<>();
		for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
			try {
				JsonNode message = JSON.readTree(entry.getMessage()).path("message");
				if ("Network.responseReceived".equals(message.path("method").asText())) {
					JsonNode response = message.path("params").path("response");
					if (response.path("status").asInt() >= 400) {
						failed.add(response.path("status").asInt() + " " + response.path("url").asText());
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return failed;
	}

	/** Sends a GET from the page (with its session) and returns "status body", e.g. to read why a request was refused. */
	public String get(String url) {
		return String.valueOf(((JavascriptExecutor) driver).executeScript("var request = new XMLHttpRequest();"
				+ "request.open('GET', arguments[0], false); request.setRequestHeader('Accept', 'application/json');"
				+ "request.send(); return request.status + ' ' + request.responseText;", url));
	}

	/** What the page wrote to the browser's console at level SEVERE since the last call. */
	public List<String> consoleErrors() {
		return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** Saves the page's HTML as {@code target/screenshots/<name>.html}, to see what a test could not find. */
	public Path savePage(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".html");
			Files.writeString(target, driver.getPageSource());
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Waits with this browser's patience until {@code condition} holds, and returns its value. */
	public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, PATIENCE).withMessage(() -> what)
			.ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	/** The Selenium driver, for what this class does not offer. */
	public WebDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			// a leftover temp directory is not worth failing a test for
		}
	}

}
