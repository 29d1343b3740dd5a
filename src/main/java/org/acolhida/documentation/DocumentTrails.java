package org.acolhida.documentation;

import java.util.List;

import org.acolhida.expressions.ExposedToProtocols;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The collection of the multi-instance document trail, {@code ${documentTrails.of(execution)}}: one
 * trail per requested document, each with its own element variable {@code documentRequest}.
 */
@ExposedToProtocols
@Component("documentTrails")
public class DocumentTrails {

	/** The requests in {@code documentRequests}, as {@code TYPE:memberNo}. */
	public List<String> of(VariableScope scope) {
		return DocumentRequest.parseAll(DocumentationProcess.DOCUMENT_REQUESTS.from(scope).getOrNull(),
				Variables.DOCUMENT_REQUESTS).stream().map(DocumentRequest::key).toList();
	}

	/** Whether any document was requested. */
	public boolean any(VariableScope scope) {
		return !of(scope).isEmpty();
	}

}
