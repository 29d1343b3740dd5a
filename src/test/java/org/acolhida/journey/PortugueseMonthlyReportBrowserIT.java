package org.acolhida.journey;

import org.acolhida.support.PostgresIntegrationTest;

/**
 * rita, coordinator of CRAS Norte in Sorocaba, reviews the RMA of her unit's month in Portuguese and
 * confirms it ({@link MonthlyReportJourney}): the RMA's counted items with the cases behind them, the
 * items the workflow cannot know filled by her.
 */
@PostgresIntegrationTest
class PortugueseMonthlyReportBrowserIT extends MonthlyReportJourney {

	PortugueseMonthlyReportBrowserIT() {
		super("monthly-report-pt", "pt-BR", "rita");
	}

}
