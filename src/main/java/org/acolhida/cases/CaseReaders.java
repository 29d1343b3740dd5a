package org.acolhida.cases;

import java.util.function.Supplier;

import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.NotFoundException;
import org.acolhida.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may read a case: staff of the unit that owns it, and the network (managers and the set-up
 * administrator). One rule for the case API, the case page and the papers. To staff, a case of another
 * unit and a number that does not exist get the same refusal: case numbers are sequential, and a
 * different answer would tell which exist and that they belong elsewhere; the network gets the 404.
 */
@Component
public class CaseReaders {

	private final CaseFiles cases;

	private final CurrentUser currentUser;

	CaseReaders(CaseFiles cases, CurrentUser currentUser) {
		this.cases = cases;
		this.currentUser = currentUser;
	}

	/** The case, if the signed-in user may read it; otherwise {@code refusal}'s exception. */
	public CaseFile readable(String caseNumber, Supplier<ForbiddenException> refusal) {
		boolean network = currentUser.isNetwork();
		CaseFile file;
		try {
			file = cases.find(caseNumber);
		}
		catch (NotFoundException e) {
			if (network) {
				throw e;
			}
			throw refusal.get();
		}
		if (!network && !currentUser.isMember(file.getOwningUnit())) {
			throw refusal.get();
		}
		return file;
	}

}
