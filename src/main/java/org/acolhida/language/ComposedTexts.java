package org.acolhida.language;

import java.util.Map;

import org.acolhida.variables.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * The texts that delegates compose for forms and task names ("open now, until …", the household in
 * words, the checklist's papers, a document's name), in the language of the unit that owns the case,
 * from the bundles beside the protocols: English in {@code processes/i18n/texts.properties}, the other
 * languages in {@code texts_pt_BR.properties} and {@code texts_it.properties}, read by
 * {@link ProtocolTexts} like a form's (a deployment's own bundles first, then the application's).
 * <p>
 * The case unit's language rather than the reader's: a composed text is written once into a variable
 * that every worker of the case reads, and the workers of a case are the staff of its unit.
 */
@Component
public class ComposedTexts {

	/** The base name of the bundles, in {@code processes/i18n/}. */
	public static final String BUNDLE = "texts";

	private final ProtocolTexts texts;

	private final WorkLanguage language;

	ComposedTexts(ProtocolTexts texts, WorkLanguage language) {
		this.texts = texts;
		this.language = language;
	}

	/** The words for the forms of the case an execution works on, in its unit's language. */
	public Words forCase(DelegateExecution execution) {
		return forUnit(execution, CaseVariables.UNIT_CODE.from(execution).getOrNull());
	}

	/**
	 * The words for forms of {@code unitCode}'s cases, from the bundles of the execution's own
	 * deployment if it has them.
	 */
	public Words forUnit(DelegateExecution execution, String unitCode) {
		String deploymentId = execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null
				? entity.getProcessDefinition().getDeploymentId() : null;
		return in(deploymentId, language.ofUnit(unitCode));
	}

	/** The words in one language (English for one no unit works in), from the application's bundles. */
	public Words in(String language) {
		return in(null, language);
	}

	private Words in(String deploymentId, String language) {
		String known = WorkLanguage.ALL.contains(language) ? language : WorkLanguage.EN;
		Map<String, String> words = texts.withEnglish(deploymentId, BUNDLE, known);
		return new Words(known, words);
	}

}
