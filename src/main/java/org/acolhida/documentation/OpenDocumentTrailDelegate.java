package org.acolhida.documentation;

import java.time.LocalDate;

import java.time.Clock;
import org.acolhida.cases.CaseSummary;
import org.acolhida.cases.Member;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.Words;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;
import static org.acolhida.variables.CaseVariables.PERSON_NAME;

/**
 * Opens the trail of one document for one member: what the checklist and the forms need.
 * <p>
 * Reads {@code documentRequest} ({@code TYPE:memberNo}), {@code householdSituation} and
 * {@code caseNumber}. Writes, into the trail (which declares them as local inputs),
 * {@code documentType}, {@code memberNo}, {@code memberName}, {@code country} (of the offices that
 * issue it), {@code situation}, the document and the situation in words of the case unit's language
 * ({@code documentTypeText}, {@code situationText}) and {@code personName} (member and document in
 * words, so that the trail's tasks tell apart). The situation is {@code RENEWAL} in a renewal, {@code MINOR} for a member under
 * 18, else the household's. Raises {@link IllegalStateException} if the member left the case file: a
 * fault, the incident shows it.
 */
@Component("openDocumentTrailDelegate")
@ProvidesVariables({ Variables.DOCUMENT_TYPE, Variables.MEMBER_NO, Variables.MEMBER_NAME, Variables.COUNTRY,
		Variables.SITUATION, Variables.DOCUMENT_TYPE_TEXT, Variables.SITUATION_TEXT, Variables.PERSON_NAME })
class OpenDocumentTrailDelegate implements JavaDelegate {

	private final CaseLookup cases;

	private final UnitDirectory units;

	private final Clock clock;

	private final ComposedTexts texts;

	OpenDocumentTrailDelegate(CaseLookup cases, UnitDirectory units, Clock clock, ComposedTexts texts) {
		this.clock = clock;
		this.texts = texts;
		this.cases = cases;
		this.units = units;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DocumentRequest request = DocumentRequest.parse(DocumentationProcess.DOCUMENT_REQUEST.from(execution).getOrNull(),
				Variables.DOCUMENT_REQUEST);
		CaseSummary file = cases.existing(CASE_NUMBER.from(execution).get());
		Member member = file.getMembers().stream().filter(m -> m.memberNo() == request.memberNo()).findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Case " + file.getCaseNumber() + " has no member " + request.memberNo()));
		Situation household = Situation.of(execution.getVariable(Variables.HOUSEHOLD_SITUATION));
		LocalDate today = LocalDate.ofInstant(clock.instant(),
				units.unit(file.getOwningUnit()).getZone());
		Situation situation = household == Situation.RENEWAL ? Situation.RENEWAL
				: member.ageOn(today) < 18 ? Situation.MINOR : household;
		execution.setVariable(Variables.DOCUMENT_TYPE, request.documentType().name());
		execution.setVariable(Variables.MEMBER_NO, request.memberNo());
		execution.setVariable(Variables.MEMBER_NAME, member.fullName());
		execution.setVariable(Variables.COUNTRY, request.documentType().country());
		execution.setVariable(Variables.SITUATION, situation.name());
		Words words = texts.forUnit(execution, file.getOwningUnit());
		String document = words.word("documentType", request.documentType());
		execution.setVariable(Variables.DOCUMENT_TYPE_TEXT, document);
		execution.setVariable(Variables.SITUATION_TEXT, words.word("situation", situation));
		PERSON_NAME.on(execution).set(member.fullName() + " · " + document);
	}

}
