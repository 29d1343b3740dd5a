package org.acolhida.language;

import org.acolhida.expressions.ExposedToProtocols;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Picks the translation of a Camunda Form for whoever opens it. Every form exists once per language,
 * each a plain {@code .form} file that Camunda Modeler edits: {@code reception-listening.form} (id
 * {@code reception-listening}, English), {@code reception-listening.pt-BR.form} (id
 * {@code reception-listening-pt-BR}) and {@code reception-listening.it.form} (id
 * {@code reception-listening-it}). A user task refers to them with
 * {@code camunda:formRef="${forms.ref('reception-listening', execution)}"}: the engine evaluates the
 * expression each time Tasklist asks for the task's form, with the signed-in worker as current
 * authentication. A start event uses {@code camunda:formRef="${forms.forUser('reception-start')}"}:
 * no variables exist yet, so the signed-in worker's unit decides alone ({@link LocalizedStartForms}
 * makes the engine evaluate it).
 */
@ExposedToProtocols
@Component("forms")
public class Forms {

	/** The process variable naming the case's owning unit, the fallback when no worker is signed in. */
	static final String UNIT_VARIABLE = "unitCode";

	private final WorkLanguage language;

	Forms(WorkLanguage language) {
		this.language = language;
	}

	/** The id of the form in the signed-in worker's language (else the case unit's language). */
	public String ref(String formId, VariableScope scope) {
		Object unit = scope == null ? null : scope.getVariable(UNIT_VARIABLE);
		return idFor(formId, language.forCurrentUser(unit == null ? null : unit.toString()));
	}

	/** The id of the form in the signed-in worker's language; English for anyone without a unit. */
	public String forUser(String formId) {
		return idFor(formId, language.forCurrentUser(null));
	}

	/** The id of a form's translation: English is the form itself, others carry the language. */
	public static String idFor(String formId, String language) {
		return WorkLanguage.EN.equals(language) ? formId : formId + "-" + language;
	}

}
