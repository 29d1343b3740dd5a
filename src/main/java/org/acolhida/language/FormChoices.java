package org.acolhida.language;

import java.util.List;
import java.util.Map;

/**
 * Choices a deployed form cannot know when it is drawn in Modeler: the options of a select or tag list
 * and the value a field starts with, which depend on who reads the form and, for a task, on its case.
 * A component asks for them by name in its custom properties, e.g.
 * {@code "properties": {"options": "receivingUnits"}} (its {@code values}) or
 * {@code "properties": {"default": "referencePerson"}} (its {@code defaultValue}: the value this
 * choice gives for the component's {@code key}). {@link TranslatedForms} fills them in when the form is served, before
 * translating it: form-js 1.8.7 in Tasklist shows static values and default values, and a start form
 * has no variables to take options from.
 * <p>
 * A Spring bean of the feature that owns the choice implements this, so the knowledge stays in that
 * feature. What a form offers is a convenience, never a permission: whatever is submitted is checked
 * again where it is used.
 */
public interface FormChoices {

	/** The name a form's custom property gives, e.g. {@code receivingUnits}. */
	String name();

	/** The options for this reader, labelled in their language; empty if this choice has none. */
	default List<Option> options(Reader reader) {
		return List.of();
	}

	/**
	 * The values fields start with for this reader, by field key: a text, or a list of values for a tag
	 * list. Asked once per form served, whatever number of fields take from it; a key it lacks starts
	 * empty, as deployed.
	 */
	default Map<String, Object> defaults(Reader reader) {
		return Map.of();
	}

	/** An option: the value submitted and stored, the label read. */
	record Option(String value, String label) {
	}

	/**
	 * Who reads the form: the signed-in user and their groups (none for the engine itself), the language
	 * the form is served in, and the case of the task whose form it is ({@code null} for a start form).
	 */
	record Reader(String userId, List<String> groupIds, String language, String caseNumber) {

		public Reader {
			groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
		}

	}

}
