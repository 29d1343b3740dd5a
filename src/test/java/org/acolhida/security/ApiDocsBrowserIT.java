package org.acolhida.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.acolhida.support.Browser;
import org.acolhida.support.Browsers;
import org.acolhida.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's Swagger UI under its Content-Security-Policy: a manager (Basic credentials, as the
 * browser would send them after its prompt) reads the operations and runs one.
 */
@PostgresIntegrationTest
class ApiDocsBrowserIT {

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void shouldListAndRunTheApiOperationsUnderTheContentSecurityPolicy() {
		Browser browser = browsers.open("en-GB");
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
				"Basic " + Base64.getEncoder().encodeToString("helena:demo".getBytes(StandardCharsets.UTF_8)))));

		browser.open("/api/docs");
		browser.waitForText("/api/literacy/demand.csv");
		WebElement units = browser.waitFor(By.cssSelector("#operations-Service_units-list"));
		units.findElement(By.cssSelector(".opblock-summary-control")).click();
		browser.waitFor(By.cssSelector("#operations-Service_units-list .try-out__btn")).click();
		browser.waitFor(By.cssSelector("#operations-Service_units-list .execute")).click();
		browser.waitUntil("the answer's status", driver -> driver
			.findElements(By.cssSelector("#operations-Service_units-list .live-responses-table tbody .response-col_status"))
			.stream()
			.anyMatch(cell -> cell.getText().strip().equals("200")));
		browser.screenshot(browsers.screenshotName("swagger-ui"));

		List<String> refused = browser.consoleErrors().stream()
			.filter(message -> message.contains("Content Security Policy"))
			.toList();
		assertThat(refused).as("what the policy refused").isEmpty();
	}

}
