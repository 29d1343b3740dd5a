package org.acolhida.documentation;

import org.acolhida.language.FormValues;
import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.system.InvalidInputException;
import org.acolhida.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The case a documentation instance is for. A missing case here is bad input (whoever starts the
 * guidance typed the number), so it is refused on the field {@code caseNumber}, not as a 404.
 */
@Component
class CaseLookup {

	private final CaseFiles cases;

	CaseLookup(CaseFiles cases) {
		this.cases = cases;
	}

	CaseFile existing(String caseNumber) {
		String number = FormValues.text(caseNumber);
		if (number == null) {
			throw new InvalidInputException(DocumentationProcess.Variables.CASE_NUMBER, "is required");
		}
		try {
			return cases.find(number);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException(DocumentationProcess.Variables.CASE_NUMBER,
					"no case with number '" + number + "'");
		}
	}

}
