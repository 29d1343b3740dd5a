package org.acolhida.documentation;

import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.Words;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Puts the checklist's answer into the words of the case's unit, as the trail starts looking for an
 * office (a start listener, so that the decision's output mapping is done).
 * <p>
 * The decision table stays in English, the language managers write it in: its papers and fees are
 * sentences a manager edits with the rule, and a table of keys would hide them. Each rule also returns
 * its name ({@code checklistRule}), under which {@code processes/i18n/texts_pt_BR.properties} and
 * {@code _it} hold the same sentences ({@code checklist.<rule>.papers}, {@code .fee}); a rule without a
 * translation shows the table's English, and {@code ComposedTextsTest} lists every one missing.
 * <p>
 * Reads {@code checklistRule}, {@code papersToBring}, {@code fee} and {@code officeKind}. Writes, into
 * the trail, {@code papersToBring} and {@code fee} in the unit's language and {@code officeKindText}.
 */
@Component("checklistWordsListener")
@ProvidesVariables({ Variables.PAPERS_TO_BRING, Variables.FEE, Variables.OFFICE_KIND_TEXT })
class ChecklistWordsListener implements ExecutionListener {

	private final ComposedTexts texts;

	ChecklistWordsListener(ComposedTexts texts) {
		this.texts = texts;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Words words = texts.forCase(execution);
		Object rule = execution.getVariable(Variables.CHECKLIST_RULE);
		if (rule != null) {
			execution.setVariable(Variables.PAPERS_TO_BRING,
					words.textOr("checklist." + rule + ".papers", text(execution, Variables.PAPERS_TO_BRING)));
			execution.setVariable(Variables.FEE, words.textOr("checklist." + rule + ".fee", text(execution, Variables.FEE)));
		}
		execution.setVariable(Variables.OFFICE_KIND_TEXT,
				words.word("officeKind", execution.getVariable(Variables.OFFICE_KIND)));
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? "" : value.toString();
	}

}
