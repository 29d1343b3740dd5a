package org.acolhida.documentation;

import org.acolhida.language.ComposedTexts;
import org.acolhida.language.FormMessages;
import org.acolhida.language.Words;
import java.time.Clock;
import java.time.LocalDate;
import org.acolhida.language.FormValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.acolhida.cases.CaseSummary;
import org.acolhida.cases.Member;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.DocumentType;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;
import static org.acolhida.variables.CaseVariables.PERSON_NAME;
import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Loads the case an instance is for, whoever started it (reception's call activity, the start form in
 * Tasklist, {@link DocumentationService}, a renewal that comes due years later).
 * <p>
 * Reads {@code caseNumber}, {@code renewal}, {@code documentRequests}. Writes {@code unitCode} (the
 * unit owning the case <em>now</em>: a transferred case's tasks go to its new unit, a closed case's
 * to its last one), {@code personName} (the reference person), {@code district}, {@code renewal},
 * the business key when it is missing (start form), {@code documentOptions} (per member, the documents
 * of the unit's country that fit their age, for the choice form, labelled in the unit's language) or, in a renewal,
 * {@code renewalSummary} (document, member, number and expiry date in the unit's language). Raises
 * a form refusal ({@link FormMessages#refused}: REST 400, a message above the start form)
 * for a blank or unknown case number; nothing is started then.
 */
@Component("loadDocumentationCaseDelegate")
@ProvidesVariables({ Variables.UNIT_CODE, Variables.PERSON_NAME, Variables.DISTRICT, Variables.RENEWAL,
		Variables.DOCUMENT_OPTIONS, LoadCaseDelegate.RENEWAL_SUMMARY })
class LoadCaseDelegate implements JavaDelegate {

	/** Text that the renewal form shows: which document of whom expires when. */
	static final String RENEWAL_SUMMARY = "renewalSummary";

	private final CaseLookup cases;

	private final UnitDirectory units;

	private final FormMessages messages;

	private final ComposedTexts texts;

	private final Clock clock;

	LoadCaseDelegate(CaseLookup cases, UnitDirectory units, FormMessages messages, ComposedTexts texts, Clock clock) {
		this.clock = clock;
		this.texts = texts;
		this.messages = messages;
		this.cases = cases;
		this.units = units;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseSummary file;
		try {
			file = cases.existing(CASE_NUMBER.from(execution).getOrNull());
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, null);
		}
		if (execution.getProcessBusinessKey() == null) {
			execution.setProcessBusinessKey(file.getCaseNumber());
		}
		CASE_NUMBER.on(execution).set(file.getCaseNumber());
		UNIT_CODE.on(execution).set(file.getOwningUnit());
		PERSON_NAME.on(execution).set(file.getReferencePerson().fullName());
		if (file.getDistrict() != null) {
			execution.setVariable(Variables.DISTRICT, file.getDistrict());
		}
		Words words = texts.forUnit(execution, file.getOwningUnit());
		boolean renewal = FormValues.flag(execution.getVariable(Variables.RENEWAL));
		execution.setVariable(Variables.RENEWAL, renewal);
		if (renewal) {
			execution.setVariable(RENEWAL_SUMMARY, renewalSummary(file, execution, words));
		}
		else {
			ServiceUnit unit = units.unit(file.getOwningUnit());
			// ages on the date it is at the unit, as everywhere a child is told from an adult
			LocalDate today = LocalDate.now(clock.withZone(unit.getZone()));
			execution.setVariable(Variables.DOCUMENT_OPTIONS, SpinValues
				.jsonValue(Spin.JSON(options(file, unit.getCountry(), today, words)).toString())
				.create());
		}
	}

	/**
	 * "CPF · Marie Joseph": the document in words and the member, for each member and each document of
	 * the country that fits the member's age.
	 */
	static List<Map<String, String>> options(CaseSummary file, String country, LocalDate today, Words words) {
		List<Map<String, String>> options = new ArrayList<>();
		for (Member member : file.getMembers()) {
			int age = member.ageOn(today);
			Arrays.stream(DocumentType.values())
				.filter(t -> t.country().equals(country) && t.fitsAge(age))
				.forEach(type -> options.add(
					Map.of("label", words.text("documentOption", words.word("documentType", type), member.fullName()), "value",
							new DocumentRequest(type, member.memberNo()).key())));
		}
		return options;
	}

	private static String renewalSummary(CaseSummary file, DelegateExecution execution, Words words) {
		DocumentRequest request = DocumentRequest.parse(DocumentationProcess.DOCUMENT_REQUESTS.from(execution).getOrNull(),
				Variables.DOCUMENT_REQUESTS);
		String member = file.getMembers().stream().filter(m -> m.memberNo() == request.memberNo())
			.map(Member::fullName).findFirst().orElse("#" + request.memberNo());
		Object expires = execution.getVariable(Variables.RENEWAL_EXPIRES_ON);
		return words.text("renewalSummary", words.word("documentType", request.documentType()), member,
				execution.getVariable(Variables.RENEWAL_DOCUMENT_NUMBER),
				expires == null ? "" : words.date(LocalDate.parse(expires.toString())));
	}

}
