package org.acolhida.cases;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.identity.CurrentUser;
import org.acolhida.errors.ForbiddenException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case files for staff: read a case of one's own unit, transfer it to another unit. Staff of the
 * owning unit, managers and the administrator may do both.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Household case files and their transfers between units")
class CaseController {

	private final CaseFiles cases;

	private final CurrentUser currentUser;

	private final CaseReaders readers;

	CaseController(CaseFiles cases, CurrentUser currentUser, CaseReaders readers) {
		this.cases = cases;
		this.currentUser = currentUser;
		this.readers = readers;
	}

	record TransferRequest(String toUnit, String reason) {
	}

	record TransferDto(String fromUnit, String toUnit, String transferredBy, Instant transferredAt, String reason) {
	}

	record CaseDto(String caseNumber, String owningUnit, CaseStatus status, String district,
			boolean interpreterNeeded, String mergedInto, Instant openedAt, List<Member> members,
			List<MemberDocument> documents, List<TransferDto> transfers) {

		static CaseDto of(CaseFile file) {
			return new CaseDto(file.getCaseNumber(), file.getOwningUnit(), file.getStatus(), file.getDistrict(),
					file.isInterpreterNeeded(), file.getMergedInto().orElse(null), file.getOpenedAt(), file.getMembers(),
					file.getDocuments(), file.getTransfers().stream()
						.map(t -> new TransferDto(t.fromUnit(), t.toUnit(), t.transferredBy(), t.transferredAt(),
								t.reason()))
						.toList());
		}

	}

	@GetMapping("/{caseNumber}")
	@Operation(summary = "Read a case file (staff of the owning unit, managers)")
	CaseDto read(@PathVariable String caseNumber) {
		return CaseDto.of(workable(caseNumber));
	}

	@PostMapping("/{caseNumber}/transfer")
	@Operation(summary = "Transfer a case to another unit, with a reason; its open tasks move to that unit's staff")
	CaseDto transfer(@PathVariable String caseNumber, @RequestBody TransferRequest request) {
		workable(caseNumber);
		return CaseDto.of(cases.transfer(caseNumber, request.toUnit(), request.reason(), currentUser.userId()));
	}

	/** The case, if the signed-in user may work it ({@link CaseReaders}). */
	private CaseFile workable(String caseNumber) {
		return readers.readable(caseNumber, () -> notYours(caseNumber));
	}

	private static ForbiddenException notYours(String caseNumber) {
		return new ForbiddenException("Case '" + caseNumber + "' is not a case of your unit");
	}

}
