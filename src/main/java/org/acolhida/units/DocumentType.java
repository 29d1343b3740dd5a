package org.acolhida.units;

/**
 * The papers that open every other door, and the country whose offices issue them.
 */
public enum DocumentType {
	/** Brazil's tax number, issued by the Receita Federal. */
	CPF("BR"),
	/** Carteira de Registro Nacional Migratório: the migrant identity card, by the Federal Police. */
	CRNM("BR"),
	/** The protocol of a request for refugee status, by the Federal Police. */
	REFUGEE_PROTOCOL("BR"),
	/** The digital work card: work is allowed from 14, as an apprentice, so nobody younger is issued one. */
	CTPS_DIGITAL("BR", 14),
	/** Italy's residence permit, first issue or renewal, by the Questura. */
	PERMESSO_SOGGIORNO("IT"),
	/** Italy's tax code, by the Agenzia delle Entrate. */
	CODICE_FISCALE("IT"),
	/** Registration of residence at the municipal registry office (anagrafe). */
	RESIDENCE_REGISTRATION("IT");

	private final String country;

	private final int minimumAge;

	DocumentType(String country) {
		this(country, 0);
	}

	DocumentType(String country, int minimumAge) {
		this.country = country;
		this.minimumAge = minimumAge;
	}

	/** ISO 3166 code of the country whose offices issue this document. */
	public String country() {
		return country;
	}

	/** Whether a person of this age (in whole years) can hold this document: no work card for a child. */
	public boolean fitsAge(int age) {
		return age >= minimumAge;
	}

}
