package org.acolhida.documentation;

import org.acolhida.cases.CaseSummary;
import org.acolhida.cases.CaseFiles;
import org.acolhida.language.FormMessages;
import org.acolhida.language.FormValues;
import org.acolhida.identity.CurrentUser;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.NotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * The case a documentation instance is for. A missing case here is bad input (whoever starts the
 * guidance typed the number), so it is refused on the field {@code caseNumber}, not as a 404.
 * <p>
 * A signed-in worker gets the refusal of a case that is not theirs instead (403, the same text as
 * the engine's start check in {@code cases.CaseStartGuard}): case numbers are sequential, so "no
 * such case" would tell them which exist. Without a signed-in user the caller is the application
 * itself, which may see every case, and the field error helps it more.
 */
@Component
class CaseLookup {

	private final CaseFiles cases;

	private final CurrentUser currentUser;

	private final FormMessages messages;

	CaseLookup(CaseFiles cases, CurrentUser currentUser, FormMessages messages) {
		this.cases = cases;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	CaseSummary existing(String caseNumber) {
		String number = FormValues.text(caseNumber);
		if (number == null) {
			throw new InvalidInputException(DocumentationProcess.Variables.CASE_NUMBER, "is required");
		}
		try {
			return cases.summary(number);
		}
		catch (NotFoundException e) {
			if (currentUser.userId() != null) {
				throw new AuthorizationException(messages.startRefusal("case", number));
			}
			throw new InvalidInputException(DocumentationProcess.Variables.CASE_NUMBER,
					"no case with number '" + number + "'");
		}
	}

}
