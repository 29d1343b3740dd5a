package org.acolhida.journey;

import org.acolhida.support.PostgresIntegrationTest;

/** giulia, at the Caritas immigration service in Cremona, finds her case in Italian ({@link CaseListJourney}). */
@PostgresIntegrationTest
class ItalianCaseListBrowserIT extends CaseListJourney {

	ItalianCaseListBrowserIT() {
		super("case-list-it", "it", "giulia", "NG", "en");
	}

}
