package org.acolhida.diagnosis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.acolhida.support.Browser;
import org.acolhida.support.Browsers;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * helena, a manager, opens /reports/, signs in, sees Diagnosópolis' charts drawn with their figures
 * (hidden counts as gaps) and downloads a table as CSV. Screenshots: target/screenshots/ (the README's
 * docs/images/reports-*.png are copied from there by hand when the page changes).
 */
@PostgresIntegrationTest
class DiagnosisBrowserIT {

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldShowAManagerTheChartsAndLetHerDownloadATable() {
		DiagnosisTown.seed(jdbc);
		Browser browser = browsers.open("en-GB");
		browser.driver().manage().window().setSize(new Dimension(1280, 1400));

		browser.open("/reports/#municipality=" + URLEncoder.encode(DiagnosisTown.TOWN, StandardCharsets.UTF_8)
				+ "&from=2031-05-01&to=2031-06-30");
		browser.waitFor(By.cssSelector("#sign-in-form input[name=user]")).sendKeys("helena");
		browser.driver().findElement(By.cssSelector("#sign-in-form input[name=password]")).sendKeys("demo");
		browser.driver().findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		browser.waitFor(By.cssSelector("#chart-people[data-drawn=true] canvas"));
		browser.waitFor(By.cssSelector("#chart-people-by-nationality[data-drawn=true] canvas"));
		assertThat(browser.driver().findElement(By.id("who-name")).getText()).isEqualTo("helena");

		// the chart holds the table's figures: 27 and 5 people at CRAS Alfa (May, June), CRAS Beta's "< 5" a gap
		JavascriptExecutor script = (JavascriptExecutor) browser.driver();
		@SuppressWarnings("unchecked")
		List<List<Object>> people = (List<List<Object>>) script.executeScript("""
				return echarts.getInstanceByDom(document.getElementById('chart-people')).getOption().series
				  .map(function (s) { return [s.name].concat(s.data); });""");
		assertThat(people).containsExactlyInAnyOrder(List.of("CRAS Alfa", 27L, 5L), java.util.Arrays.asList("CRAS Beta", null, null));
		WebElement nationalities = browser.driver().findElement(By.id("grid-people-by-nationality"));
		assertThat(nationalities.getText()).contains("Venezuela", "Syria", "< 5", "X");
		assertThat(browser.pageText()).contains("Households waiting for a bed now", "Days from reception to the first service");
		script.executeScript("window.scrollTo(0, 0)");
		browser.screenshot(browsers.screenshotName("overview"));

		WebElement waiting = browser.driver().findElement(By.id("table-waiting-for-a-bed"));
		script.executeScript("arguments[0].scrollIntoView(true); window.scrollBy(0, -20);", waiting);
		browser.waitFor(By.cssSelector("#chart-waiting-for-a-bed[data-drawn=true] canvas"));
		browser.screenshot(browsers.screenshotName("waiting"));

		browser.driver().findElement(By.cssSelector("#table-people-by-nationality button[data-download=csv]")).click();
		String downloaded = browser.waitUntil("the CSV downloaded",
				driver -> driver.findElement(By.id("status")).getAttribute("data-downloaded"));
		assertThat(downloaded).startsWith("people-by-nationality-Diagnos");
		assertThat(Long.parseLong(downloaded.substring(downloaded.lastIndexOf(' ') + 1))).isPositive();
		assertThat(browser.failedRequests()).as("requests refused").noneMatch(request -> request.contains("/reports/")
				|| request.contains("/api/") || request.contains("/webjars/"));
		assertThat(browser.consoleErrors()).as("the browser's console")
			.noneMatch(message -> message.contains("Content Security Policy"));
	}

}
