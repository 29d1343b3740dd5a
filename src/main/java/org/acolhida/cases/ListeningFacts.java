package org.acolhida.cases;

import java.math.BigDecimal;

/**
 * What one qualified listening learnt about a household that is counted later (the RMA of a CRAS or
 * CREAS) and that the process itself does not keep. The Brazilian social-assistance facts are
 * {@code null} where the listening did not ask them (an Italian desk).
 *
 * @param sleepingRough the person sleeps rough tonight
 * @param protectionConcern violence, trafficking or a threatened child
 * @param traffickingVictim someone in the household is a victim of trafficking in persons
 * @param paif the family is included in, and followed by, the CRAS's PAIF
 * @param incomePerPerson the family's monthly income per person, in reais
 * @param bolsaFamilia the family receives Bolsa Família
 * @param bpcReceived a member receives the BPC (Benefício de Prestação Continuada)
 * @param bpcMissing an elderly or disabled member does not receive the BPC
 * @param cadUnico the family's Cadastro Único registration
 */
public record ListeningFacts(boolean sleepingRough, boolean protectionConcern, Boolean traffickingVictim,
		Boolean paif, BigDecimal incomePerPerson, Boolean bolsaFamilia, Boolean bpcReceived, Boolean bpcMissing,
		CadUnico cadUnico) {

	/** The family's registration in the Cadastro Único, as the listening found it. */
	public enum CadUnico {

		NOT_REGISTERED, OUTDATED, UP_TO_DATE

	}

}
