package org.acolhida.papers;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseReaders;
import org.acolhida.cases.Member;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.identity.CurrentUser;
import org.acolhida.language.WorkLanguage;
import org.acolhida.units.UnitDirectory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Papers for the person, as PDF: {@code GET /api/cases/{caseNumber}/papers/document-checklist.pdf?lang=ht}, and
 * for Tasklist's papers tab the same under the webapps' API ({@value #TASKLIST_PATH}…): Tasklist holds a
 * session, not the worker's password, and there the webapps' own filters sign the worker in from that
 * session, as for the case page and Tasklist's own calls; {@code /api} answers HTTP Basic only.
 * Only staff of the unit that owns the case print its papers. As for the case itself, staff get the
 * same 403 for another unit's case and for a number that does not exist (case numbers are sequential:
 * a different answer would tell which exist); managers and the administrator, who may read any case,
 * get the 404 of an unknown number, and a 403 for a paper, which is the owning unit's to hand over.
 */
@RestController
@Tag(name = "Papers", description = "Papers a person takes away, in their language with the staff's beside it")
class PaperController {

	/** Where Tasklist's papers tab ({@code tasklist/scripts/papers.js}) links to. */
	static final String TASKLIST_PATH = "/camunda/api/acolhida/papers/cases/";

	private final CaseReaders readers;

	private final CurrentUser currentUser;

	private final WorkLanguage workLanguage;

	private final PaperTexts texts;

	private final CasePapers papers;

	private final PdfPapers pdf;

	private final UnitDirectory units;

	PaperController(CaseReaders readers, CurrentUser currentUser, WorkLanguage workLanguage, PaperTexts texts,
			CasePapers papers, PdfPapers pdf, UnitDirectory units) {
		this.readers = readers;
		this.currentUser = currentUser;
		this.workLanguage = workLanguage;
		this.texts = texts;
		this.papers = papers;
		this.pdf = pdf;
		this.units = units;
	}

	@GetMapping(value = { "/api/cases/{caseNumber}/papers/{kind}.pdf", TASKLIST_PATH + "{caseNumber}/{kind}.pdf" },
			produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "A paper for the person as PDF (referral-letter, document-checklist, appointment-slip,"
			+ " shelter-placement-slip, class-enrolment-slip), in their language (lang, else the first language"
			+ " recorded for them) with the staff's language beside it")
	ResponseEntity<byte[]> paper(@PathVariable String caseNumber, @PathVariable String kind,
			@RequestParam(required = false) String lang, @RequestParam(required = false) String to) {
		CaseFile file = ownCase(caseNumber);
		String staffLanguage = workLanguage.forCurrentUser(file.getOwningUnit());
		PaperWords staff = texts.in(staffLanguage);
		PaperKind paperKind = PaperKind.ofSlug(kind)
			.orElseThrow(() -> new InvalidInputException("kind", staff.text("refused.kind", "kind", kind)));
		if (lang != null && !lang.isBlank() && !PaperTexts.isLanguage(lang)) {
			throw new InvalidInputException("lang", staff.text("refused.lang", "lang", lang));
		}
		if (to != null && (paperKind != PaperKind.REFERRAL_LETTER || !units.isActive(to))) {
			throw new InvalidInputException("to", staff.text("refused.to", "unit", to));
		}
		String wanted = lang != null && !lang.isBlank() ? lang.trim() : recordedLanguage(file.getReferencePerson()).orElse(staffLanguage);
		Optional<String> translated = PaperTexts.translated(wanted);
		PaperWords person = translated.map(texts::in).orElse(staff);
		Paper paper = papers.compose(paperKind, file, new Paper(person, staff, file.getCaseNumber()),
				translated.isPresent() ? null : wanted, to);
		String name = paperKind.slug() + "-" + file.getCaseNumber() + "-" + person.language() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf.render(paper, person.text("title." + paperKind.slug()) + " · " + file.getCaseNumber()));
	}

	/** The first language recorded for the person that papers are written in, else the first recorded. */
	private static Optional<String> recordedLanguage(Member person) {
		var recorded = person.languageList().stream().filter(PaperTexts::isLanguage).toList();
		return recorded.stream().filter(l -> PaperTexts.translated(l).isPresent()).findFirst()
			.or(() -> recorded.stream().findFirst());
	}

	private CaseFile ownCase(String caseNumber) {
		if (currentUser.userId() == null) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to Tasklist first");
		}
		CaseFile file = readers.readable(caseNumber, () -> notYours(caseNumber));
		// The network reads any case, but a paper is the owning unit's to hand over.
		if (!currentUser.isMember(file.getOwningUnit())) {
			throw notYours(caseNumber);
		}
		return file;
	}

	private ForbiddenException notYours(String caseNumber) {
		return new ForbiddenException(
				texts.in(workLanguage.forCurrentUser(null)).text("refused.notYours", "case", caseNumber));
	}

}
