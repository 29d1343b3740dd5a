package org.acolhida.units;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.acolhida.units.OpeningHours.Opening;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The look-ups that processes make in the directory of service units: who is responsible for a
 * district, when a unit is open, who speaks a language, which office issues a document. Only
 * active units are found. "Not found" is an empty result for the caller to turn into a business
 * outcome; an unknown unit code is a fault ({@link UnknownUnitException}).
 */
@Service
@Transactional(readOnly = true)
public class UnitDirectory {

	private final ServiceUnitRepository units;

	UnitDirectory(ServiceUnitRepository units) {
		this.units = units;
	}

	/** The unit with that code, active or not. */
	public ServiceUnit unit(String code) {
		return units.findByCode(code).orElseThrow(() -> new UnknownUnitException(code));
	}

	/** Whether a unit with that code exists and is active. */
	public boolean isActive(String code) {
		return units.findByCode(code).map(ServiceUnit::isActive).orElse(false);
	}

	/**
	 * The active unit of a kind that serves a district of a municipality, e.g. the CRAS of a
	 * family's territory or the CREAS that takes protection cases there. When several do, the
	 * first by code, so that the answer is the same at every desk.
	 */
	public Optional<ServiceUnit> responsibleUnit(UnitKind kind, String municipality, String district) {
		return units.findServing(kind.name(), municipality, district).stream().findFirst();
	}

	/** Whether the unit is open at that instant, in its own time zone, honouring its exceptions. */
	public boolean isOpen(String code, Instant at) {
		return unit(code).hours().isOpenAt(at);
	}

	/** The unit's opening under way at that instant, or its next one. */
	public Optional<Opening> nextOpening(String code, Instant after) {
		return unit(code).hours().nextOpening(after);
	}

	/** Active units of a kind where staff speak a language (ISO 639 code), by municipality. */
	public List<ServiceUnit> unitsSpeaking(UnitKind kind, String language) {
		return units.findSpeaking(kind.name(), language);
	}

	/** The active office that handles a document type for people living in a municipality. */
	public Optional<ServiceUnit> officeFor(DocumentType documentType, String municipality) {
		return units.findOffices(documentType.name(), municipality).stream().findFirst();
	}

}
