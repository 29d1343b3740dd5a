package org.acolhida.papers;

import java.util.Arrays;
import java.util.Optional;

/** The papers a person can be handed, by the name they have in the URL ({@code document-checklist.pdf}). */
enum PaperKind {

	/** Reception's referrals (CREAS, legal aid, health, partners): where to go, when it is open, what it is for. */
	REFERRAL_LETTER("referral-letter"),
	/** Documentation guidance: per document and household member, the papers to bring and where. */
	DOCUMENT_CHECKLIST("document-checklist"),
	/** The appointment at the issuing office, in the office's time. */
	APPOINTMENT_SLIP("appointment-slip"),
	/** Where the household sleeps, since when, whom to ask for. */
	SHELTER_PLACEMENT_SLIP("shelter-placement-slip"),
	/** The class a learner holds a seat in, its lessons and place. */
	CLASS_ENROLMENT_SLIP("class-enrolment-slip");

	private final String slug;

	PaperKind(String slug) {
		this.slug = slug;
	}

	String slug() {
		return slug;
	}

	static Optional<PaperKind> ofSlug(String slug) {
		return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
	}

}
