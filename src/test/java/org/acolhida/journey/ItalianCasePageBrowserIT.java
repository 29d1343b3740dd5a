package org.acolhida.journey;

import org.acolhida.support.PostgresIntegrationTest;

/** giulia, at the Caritas immigration service in Cremona, reads the case tab in Italian ({@link CaseTabJourney}). */
@PostgresIntegrationTest
class ItalianCasePageBrowserIT extends CaseTabJourney {

	ItalianCasePageBrowserIT() {
		super("case-it", "it", "giulia", "VE", "es");
	}

}
