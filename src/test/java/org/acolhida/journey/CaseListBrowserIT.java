package org.acolhida.journey;

import org.acolhida.support.PostgresIntegrationTest;

/** ana, at CRAS Norte in Sorocaba, finds her case from the case list in Portuguese ({@link CaseListJourney}). */
@PostgresIntegrationTest
class CaseListBrowserIT extends CaseListJourney {

	CaseListBrowserIT() {
		super("case-list-pt", "pt-BR", "ana", "VE", "es");
	}

}
