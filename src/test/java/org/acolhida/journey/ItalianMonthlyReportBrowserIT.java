package org.acolhida.journey;

import org.acolhida.support.PostgresIntegrationTest;

/**
 * paolo, coordinator of the Caritas immigration service in Cremona, reviews and confirms the desk's
 * monthly summary in Italian ({@link MonthlyReportJourney}).
 */
@PostgresIntegrationTest
class ItalianMonthlyReportBrowserIT extends MonthlyReportJourney {

	ItalianMonthlyReportBrowserIT() {
		super("monthly-report-it", "it", "paolo");
	}

}
