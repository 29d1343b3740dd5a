package org.acolhida.journey;

import org.acolhida.support.PostgresIntegrationTest;

/** ana, at CRAS Norte in Sorocaba, reads the case tab in Portuguese ({@link CaseTabJourney}). */
@PostgresIntegrationTest
class CasePageBrowserIT extends CaseTabJourney {

	CasePageBrowserIT() {
		super("case-pt", "pt-BR", "ana", "VE", "es");
	}

}
