package org.acolhida.protocols;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.expressions.ExpressionPolicy;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.FormTexts;
import org.acolhida.language.ProtocolTexts;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The checks that keep a protocol from breaking the application once deployed: every process keeps
 * its history for a limited time; no class names or scripts; every delegate expression names a bean
 * of the application; every form referenced exists; every decision table referenced exists and reads
 * only variables that the process provides (from its forms, its delegates, its mappings or the
 * inputs it declares in a process property {@code inputs}); every expression, wherever it stands in a
 * diagram or decision table, is parsed and held to {@link ExpressionPolicy}; decision tables are in FEEL
 * only, and no process starts by a timer (its steps would run as nobody, outside every worker's
 * authorizations); one form per step, its translations in bundles ({@code i18n/<form id>_pt_BR.properties},
 * {@code i18n/<process key>_it.properties}, see {@link ProtocolTexts}) whose every key names a text of
 * that form (a component or an option value) or a user task of that process, so that a renamed field
 * cannot leave its translation behind unnoticed. Looks at the files of one deployment and, for what
 * they refer to outside it, at what is deployed already.
 */
final class ProtocolCheck {

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private static final Pattern EXPRESSION_ROOT = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

	/** A copy of a form in another language ({@code x.pt-BR.form}), as protocols were once translated. */
	private static final Pattern FORM_COPY = Pattern.compile("(?:.*/)?[^/]+\\.[a-z]{2}(?:[-_][A-Z]{2})?\\.form");

	/** A bundle of translations: {@code i18n/reception-start_pt_BR.properties}; the name, the language. */
	private static final Pattern BUNDLE = Pattern.compile("(?:.*/)?([^/]+?)_([a-z]{2}(?:_[A-Z]{2})?)\\.properties");

	/** The languages a bundle may be in: every one workers read but English, which the files are in. */
	private static final Set<String> BUNDLE_LANGUAGES = Set.of("pt_BR", "it");

	/** The bundles of texts that delegates compose: {@code i18n/texts.properties}, {@code texts_pt_BR.properties}. */
	private static final Pattern COMPOSED_TEXTS = Pattern
		.compile("(?:.*/)?" + ComposedTexts.BUNDLE + "(?:_[a-z]{2}(?:_[A-Z]{2})?)?\\.properties");

	/**
	 * The texts of the papers a person takes away ({@code i18n/papers/papers_ht.properties}): in the
	 * languages of the people at the desk, not only of the staff, so any language may have a file.
	 */
	private static final Pattern PAPER_TEXTS = Pattern
		.compile("(?:.*/)?i18n/papers/papers(?:_[a-z]{2,3}(?:_[A-Z]{2})?)?\\.properties");

	/**
	 * Words a paper's language may name itself where Java has none (Haitian Creole's weekdays and months,
	 * a language's own name), beside the English texts' keys.
	 */
	private static final Pattern PAPER_WORD = Pattern
		.compile("language\\.[a-z]{2,3}|day\\.[1-7]|month\\.(?:[1-9]|1[0-2])");

	/** The English texts of the papers, which every translation's keys must be among. */
	private static final String PAPER_SOURCE = "papers/papers.properties";

	/** A translation of one rule of the documentation checklist. */
	private static final Pattern CHECKLIST_TEXT = Pattern.compile("checklist\\.[a-z0-9_]+\\.(papers|fee)");

	/** The key of a process bundle that names the process itself; every other key is a user task id. */
	static final String PROCESS_NAME = "process.name";

	private static final Pattern VARIABLE_PATH = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(\\.[A-Za-z_][A-Za-z0-9_]*)*$");

	/** Roots that the engine resolves itself in expressions. */
	private static final Set<String> ENGINE_ROOTS = Set.of("execution", "task", "authenticatedUserId", "variableScope",
			"now", "dateTime", "currentUser", "currentUserGroups");

	/** What is deployed already, for references that point outside the deployment. */
	interface Deployed {

		Optional<String> latestForm(String formKey);

		Optional<String> latestDecisionResource(String decisionKey);

		/** The BPMN XML of the latest version of every process definition. */
		List<String> latestProcesses();

		/** The BPMN XML of the latest version of one process, for a bundle deployed without its diagram. */
		default Optional<String> latestProcess(String processKey) {
			return latestProcesses().stream()
				.filter(xml -> xml.contains("id=\"" + processKey + "\""))
				.findFirst();
		}

	}

	/** The application's beans, as expressions in diagrams see them. */
	interface Beans extends ExpressionPolicy.Beans {

		boolean exists(String name);

		Set<String> provides(String name);

	}

	private final Deployed deployed;

	private final Beans beans;

	private final ObjectMapper json = new ObjectMapper();

	private final List<ProtocolProblem> problems = new ArrayList<>();

	private final Map<String, JsonNode> forms = new HashMap<>();

	private final Map<String, Decision> decisions = new HashMap<>();

	private final Map<String, String> decisionResources = new HashMap<>();

	ProtocolCheck(Deployed deployed, Beans beans) {
		this.deployed = deployed;
		this.beans = beans;
	}

	/** Every problem with the resources of one deployment; empty when it may be deployed. */
	List<ProtocolProblem> check(Map<String, byte[]> resources) {
		Map<String, BpmnModelInstance> processes = new LinkedHashMap<>();
		Map<String, byte[]> bundles = new LinkedHashMap<>();
		resources.forEach((name, bytes) -> {
			if (FORM_COPY.matcher(name).matches()) {
				problems.add(new ProtocolProblem(name, null, "is a copy of a form in another language: keep one form"
						+ " per step, in English, and put its translations in i18n/<form id>_pt_BR.properties and"
						+ " i18n/<form id>_it.properties"));
			}
			else if (name.endsWith(".form")) {
				readForm(name, bytes);
			}
			else if (name.endsWith(".properties")) {
				bundles.put(name, bytes);
			}
			else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
				readDecisions(name, bytes);
				checkExpressions(name, bytes);
			}
			else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
				checkExpressions(name, bytes);
				try {
					processes.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
				}
				catch (RuntimeException e) {
					problems.add(new ProtocolProblem(name, null, "is not a valid BPMN file: " + e.getMessage()));
				}
			}
		});
		Set<String> redeployed = new TreeSet<>();
		processes.forEach((name, model) -> {
			for (Process process : model.getModelElementsByType(Process.class)) {
				redeployed.add(process.getId());
				checkProcess(name, process, true);
			}
		});
		if (!decisions.isEmpty()) {
			checkDeployedProcessesAgainstNewDecisions(redeployed);
		}
		bundles.forEach((name, bytes) -> checkBundle(name, bytes, processes));
		return List.copyOf(problems);
	}

	private void readForm(String name, byte[] bytes) {
		try {
			JsonNode form = json.readTree(bytes);
			if (!form.hasNonNull("id")) {
				problems.add(new ProtocolProblem(name, null, "has no form id"));
				return;
			}
			forms.put(form.get("id").asText(), form);
		}
		catch (Exception e) {
			problems.add(new ProtocolProblem(name, null, "is not a valid Camunda Form (JSON): " + e.getMessage()));
		}
	}

	private void readDecisions(String name, byte[] bytes) {
		try {
			DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
			for (Decision decision : model.getModelElementsByType(Decision.class)) {
				decisions.put(decision.getId(), decision);
				decisionResources.put(decision.getId(), name);
				if (decision.getCamundaHistoryTimeToLiveString() == null) {
					problems.add(new ProtocolProblem(name, decision.getId(), "decision '" + decision.getId()
							+ "' has no History Time To Live: set it (e.g. 180 days) so that personal data expires"));
				}
			}
		}
		catch (RuntimeException e) {
			problems.add(new ProtocolProblem(name, null, "is not a valid DMN file: " + e.getMessage()));
		}
	}

	/**
	 * @param inDeployment whether the process is part of this deployment (all checks), or an already
	 * deployed one that a new decision table must still fit (only the decision inputs)
	 */
	private void checkProcess(String resource, Process process, boolean inDeployment) {
		if (!process.isExecutable()) {
			return;
		}
		if (inDeployment && process.getCamundaHistoryTimeToLiveString() == null) {
			problems.add(new ProtocolProblem(resource, process.getId(), "process '" + process.getId()
					+ "' has no History Time To Live: set it (e.g. 180 days) so that personal data expires"));
		}
		Set<String> provided = new TreeSet<>();
		Map<String, String> decisionRefs = new LinkedHashMap<>();
		walk(resource, process.getDomElement(), provided, decisionRefs, inDeployment);
		decisionRefs.forEach((elementId, decisionKey) -> checkDecisionInputs(resource, process.getId(), elementId,
				decisionKey, provided));
	}

	private void walk(String resource, DomElement element, Set<String> provided, Map<String, String> decisionRefs,
			boolean report) {
		String id = element.getAttribute("id");
		String local = element.getLocalName();
		if (report && ("scriptTask".equals(local) || (CAMUNDA.equals(element.getNamespaceURI()) && "script".equals(local)))) {
			problems.add(new ProtocolProblem(resource, id, "scripts are not allowed in diagrams: use a delegate bean"));
		}
		String className = element.getAttribute(CAMUNDA, "class");
		if (report && className != null) {
			problems.add(new ProtocolProblem(resource, id,
					"camunda:class '" + className + "' is not allowed: wire a delegate bean with a delegate expression"));
		}
		for (String javaClass : List.of("variableMappingClass", "formHandlerClass")) {
			if (report && element.getAttribute(CAMUNDA, javaClass) != null) {
				problems.add(new ProtocolProblem(resource, id, "camunda:" + javaClass
						+ " is not allowed: it names a Java class to run; use a delegate bean"));
			}
		}
		if (report && "conditionExpression".equals(local) && element.getAttribute("language") != null) {
			problems.add(new ProtocolProblem(resource, id, "a condition in the language '" + element.getAttribute("language")
					+ "' is a script, and scripts are not allowed in diagrams: write an expression such as ${approved}"));
		}
		if (report && "startEvent".equals(local) && element.getParentElement() != null
				&& "process".equals(element.getParentElement().getLocalName())
				&& element.getChildElements().stream().anyMatch(child -> "timerEventDefinition".equals(child.getLocalName()))) {
			problems.add(new ProtocolProblem(resource, id, "a process may not start by a timer: its steps would run as"
					+ " nobody, outside every worker's authorizations; start it from a step of another process or by a message"));
		}
		String delegate = element.getAttribute(CAMUNDA, "delegateExpression");
		if (delegate != null) {
			String root = root(delegate);
			if (root == null || !beans.exists(root)) {
				if (report) {
					problems.add(new ProtocolProblem(resource, id, "delegate expression '" + delegate
							+ "' names no bean of the application"));
				}
			}
			else {
				provided.addAll(beans.provides(root));
			}
		}
		String expression = element.getAttribute(CAMUNDA, "expression");
		if (report && expression != null) {
			String root = root(expression);
			if (root != null && !ENGINE_ROOTS.contains(root) && !beans.exists(root)) {
				problems.add(new ProtocolProblem(resource, id, "expression '" + expression
						+ "' names no bean of the application"));
			}
		}
		String formRef = element.getAttribute(CAMUNDA, "formRef");
		if (formRef != null) {
			checkForm(resource, id, formRef, provided, report);
		}
		String formKey = element.getAttribute(CAMUNDA, "formKey");
		if (report && formKey != null && formKey.startsWith("camunda-forms:deployment:")) {
			problems.add(new ProtocolProblem(resource, id,
					"form key '" + formKey + "': reference forms by id with camunda:formRef instead"));
		}
		String decisionRef = element.getAttribute(CAMUNDA, "decisionRef");
		if (decisionRef != null && root(decisionRef) == null) {
			decisionRefs.put(id, decisionRef);
		}
		addIfPresent(provided, element.getAttribute(CAMUNDA, "resultVariable"));
		addIfPresent(provided, element.getAttribute(CAMUNDA, "elementVariable"));
		if (CAMUNDA.equals(element.getNamespaceURI())) {
			switch (local) {
				case "out" -> addIfPresent(provided, element.getAttribute("target"));
				case "inputParameter", "outputParameter" -> addIfPresent(provided, element.getAttribute("name"));
				case "formField" -> addIfPresent(provided, element.getAttribute("id"));
				case "property" -> {
					if ("inputs".equals(element.getAttribute("name")) && element.getAttribute("value") != null) {
						Arrays.stream(element.getAttribute("value").split("[,\\s]+"))
							.filter(name -> !name.isBlank())
							.forEach(provided::add);
					}
				}
				default -> {
				}
			}
		}
		for (DomElement child : element.getChildElements()) {
			walk(resource, child, provided, decisionRefs, report);
		}
	}

	private void checkForm(String resource, String elementId, String formRef, Set<String> provided, boolean report) {
		if (root(formRef) != null) {
			// Chosen at run time by a bean of ours; the bean must exist.
			if (report && !beans.exists(root(formRef))) {
				problems.add(new ProtocolProblem(resource, elementId, "form reference '" + formRef
						+ "' names no bean of the application"));
			}
			return;
		}
		JsonNode form = form(resource, elementId, formRef, report);
		if (form != null) {
			collectFieldKeys(form, provided);
		}
	}

	/**
	 * A bundle of translations names a form or a process, of this deployment or deployed already, and
	 * each of its keys a text of that form or a user task of that process: a key left behind by a renamed
	 * field or task would silently show English.
	 */
	private void checkBundle(String name, byte[] bytes, Map<String, BpmnModelInstance> processes) {
		if (COMPOSED_TEXTS.matcher(name).matches()) {
			checkComposedTexts(name, bytes);
			return;
		}
		if (PAPER_TEXTS.matcher(name).matches()) {
			checkPaperTexts(name, bytes);
			return;
		}
		Matcher bundle = BUNDLE.matcher(name);
		if (!bundle.matches()) {
			problems.add(new ProtocolProblem(name, null, "is not a bundle of translations: name it"
					+ " i18n/<form id or process key>_pt_BR.properties or _it.properties"));
			return;
		}
		String target = bundle.group(1);
		if (!BUNDLE_LANGUAGES.contains(bundle.group(2))) {
			problems.add(new ProtocolProblem(name, null, "is in the language '" + bundle.group(2)
					+ "', which no unit works in: bundles are _pt_BR or _it (English is the form itself)"));
			return;
		}
		Map<String, String> texts;
		try {
			texts = ProtocolTexts.parse(bytes);
		}
		catch (RuntimeException e) {
			problems.add(new ProtocolProblem(name, null, "is not a readable .properties file: " + e.getMessage()));
			return;
		}
		JsonNode form = forms.get(target);
		if (form == null) {
			form = deployed.latestForm(target).map(this::parseQuietly).orElse(null);
		}
		if (form != null) {
			Set<String> unknown = FormTexts.unknownKeys(form, texts.keySet());
			if (!unknown.isEmpty()) {
				problems.add(new ProtocolProblem(name, null, "translates " + unknown + ", which form '" + target
						+ "' does not have: keys are <component id>.label (or .description, .text, .dateLabel,"
						+ " .timeLabel, .placeholder) and <component id>.values.<option value>"));
			}
			return;
		}
		Set<String> tasks = userTasks(target, processes);
		if (tasks == null) {
			problems.add(new ProtocolProblem(name, null, "names neither a form nor a process: '" + target
					+ "' is not in this deployment nor deployed"));
			return;
		}
		Set<String> unknown = new TreeSet<>(texts.keySet());
		unknown.remove(PROCESS_NAME);
		unknown.removeAll(tasks);
		if (!unknown.isEmpty()) {
			problems.add(new ProtocolProblem(name, null, "names " + unknown + ", which are not user tasks of process '"
					+ target + "': keys are " + PROCESS_NAME + " and task ids " + tasks));
		}
	}

	/**
	 * The texts delegates compose ({@link ComposedTexts}) name no form or process: each key must be one
	 * the application writes (in its English {@code texts.properties}) or the translation of a rule of the
	 * checklist, so that a misspelt key is not deployed as a text nobody reads.
	 */
	private void checkComposedTexts(String name, byte[] bytes) {
		Map<String, String> texts;
		try {
			texts = ProtocolTexts.parse(bytes);
		}
		catch (RuntimeException e) {
			problems.add(new ProtocolProblem(name, null, "is not a readable .properties file: " + e.getMessage()));
			return;
		}
		Set<String> known = ProtocolTexts.fromClasspath(ComposedTexts.BUNDLE + ".properties").keySet();
		Set<String> unknown = new TreeSet<>(texts.keySet());
		unknown.removeIf(key -> known.contains(key) || CHECKLIST_TEXT.matcher(key).matches());
		if (!unknown.isEmpty()) {
			problems.add(new ProtocolProblem(name, null, "has " + unknown + ", which the application composes nowhere:"
					+ " keys are those of i18n/" + ComposedTexts.BUNDLE + ".properties and checklist.<rule>.papers or .fee"));
		}
	}

	/** Paper texts: readable, and each key one the papers print (or a checklist rule's papers or fee). */
	private void checkPaperTexts(String name, byte[] bytes) {
		Map<String, String> texts;
		try {
			texts = ProtocolTexts.parse(bytes);
		}
		catch (RuntimeException e) {
			problems.add(new ProtocolProblem(name, null, "is not a readable .properties file: " + e.getMessage()));
			return;
		}
		Set<String> known = ProtocolTexts.fromClasspath(PAPER_SOURCE).keySet();
		Set<String> unknown = new TreeSet<>(texts.keySet());
		unknown.removeIf(key -> known.contains(key) || CHECKLIST_TEXT.matcher(key).matches()
				|| PAPER_WORD.matcher(key).matches());
		if (!unknown.isEmpty()) {
			problems.add(new ProtocolProblem(name, null, "has " + unknown + ", which no paper prints: keys are those of i18n/"
					+ PAPER_SOURCE + ", checklist.<rule>.papers or .fee, language.<code>, day.<1-7> and month.<1-12>"));
		}
	}

	/** The user task ids of a process of this deployment or deployed; null when there is no such process. */
	private Set<String> userTasks(String processKey, Map<String, BpmnModelInstance> processes) {
		for (BpmnModelInstance model : processes.values()) {
			if (model.getModelElementById(processKey) instanceof Process process) {
				return userTaskIds(process);
			}
		}
		return deployed.latestProcess(processKey).map(xml -> {
			try {
				BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
				return model.getModelElementById(processKey) instanceof Process process ? userTaskIds(process) : null;
			}
			catch (RuntimeException e) {
				return null;
			}
		}).orElse(null);
	}

	private static Set<String> userTaskIds(Process process) {
		Set<String> ids = new TreeSet<>();
		for (UserTask task : process.getModelInstance().getModelElementsByType(UserTask.class)) {
			for (var parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
				if (parent == process) {
					ids.add(task.getId());
					break;
				}
			}
		}
		return ids;
	}

	private JsonNode form(String resource, String elementId, String formId, boolean report) {
		JsonNode form = forms.get(formId);
		if (form == null) {
			form = deployed.latestForm(formId).map(this::parseQuietly).orElse(null);
		}
		if (form == null && report) {
			problems.add(new ProtocolProblem(resource, elementId, "form '" + formId
					+ "' is neither in this deployment nor deployed: add the .form file with that id"));
		}
		return form;
	}

	private void checkDecisionInputs(String resource, String processId, String elementId, String decisionKey,
			Set<String> provided) {
		Decision decision = decisions.get(decisionKey);
		if (decision == null) {
			decision = deployed.latestDecisionResource(decisionKey)
				.flatMap(xml -> findDecision(xml, decisionKey))
				.orElse(null);
		}
		if (decision == null) {
			problems.add(new ProtocolProblem(resource, elementId,
					"decision '" + decisionKey + "' is neither in this deployment nor deployed"));
			return;
		}
		if (!(decision.getExpression() instanceof DecisionTable table)) {
			return;
		}
		Set<String> missing = new LinkedHashSet<>();
		for (Input input : table.getInputs()) {
			if (input.getInputExpression() == null || input.getInputExpression().getText() == null) {
				continue;
			}
			String variable = inputVariable(input.getInputExpression().getText().getTextContent());
			if (variable != null && !provided.contains(variable)) {
				missing.add(variable);
			}
		}
		if (!missing.isEmpty()) {
			String where = decisionResources.getOrDefault(decisionKey, "the deployed decision");
			problems.add(new ProtocolProblem(resource, elementId, "decision '" + decisionKey + "' (" + where
					+ ") reads " + missing + ", which process '" + processId
					+ "' does not provide; it provides " + provided));
		}
	}

	/** A decision table deployed alone must still fit every deployed process that uses it. */
	private void checkDeployedProcessesAgainstNewDecisions(Set<String> redeployed) {
		for (String xml : deployed.latestProcesses()) {
			BpmnModelInstance model;
			try {
				model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
			}
			catch (RuntimeException e) {
				continue;
			}
			for (Process process : model.getModelElementsByType(Process.class)) {
				if (!redeployed.contains(process.getId()) && refersToAny(process.getDomElement())) {
					checkProcess("deployed process " + process.getId(), process, false);
				}
			}
		}
	}

	private boolean refersToAny(DomElement element) {
		String decisionRef = element.getAttribute(CAMUNDA, "decisionRef");
		if (decisionRef != null && decisions.containsKey(decisionRef)) {
			return true;
		}
		return element.getChildElements().stream().anyMatch(this::refersToAny);
	}

	private Optional<Decision> findDecision(String xml, String key) {
		try {
			DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
			return Optional.ofNullable(model.getModelElementById(key)).filter(Decision.class::isInstance)
				.map(Decision.class::cast);
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	private JsonNode parseQuietly(String text) {
		try {
			return json.readTree(text);
		}
		catch (Exception e) {
			return null;
		}
	}

	/**
	 * Every expression in a diagram or decision table, in any attribute or text: the engine evaluates
	 * expressions in more places than any list would name (names, due dates, timers, conditions,
	 * mappings, listeners, called elements, signals, loop cardinalities...). Read with a parser of its
	 * own that resolves no external entity. Decision tables: FEEL only (JUEL reaches objects, and other
	 * languages are scripts).
	 */
	private void checkExpressions(String resource, byte[] bytes) {
		Element root;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
		}
		catch (Exception e) {
			problems.add(new ProtocolProblem(resource, null, "is not readable XML: " + e.getMessage()));
			return;
		}
		checkExpressions(resource, root, null);
	}

	private void checkExpressions(String resource, Element element, String enclosingId) {
		String local = element.getLocalName();
		if ("documentation".equals(local) || "textAnnotation".equals(local) || "BPMNDiagram".equals(local)
				|| "DMNDI".equals(local)) {
			// read by people, never evaluated
			return;
		}
		String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
			// Camunda reads a decision's expression language; a diagram's is a BPMN default it ignores
			// (a script condition says its language on the condition, checked as a script).
			if ("expressionLanguage".equals(name) && isDecision(resource) && !isFeel(attribute.getValue())) {
				problems.add(new ProtocolProblem(resource, id, "the expression language '" + attribute.getValue()
						+ "' is not allowed: decisions are written in FEEL, which reaches no Java object"));
			}
			else if ("scriptFormat".equals(name)) {
				problems.add(new ProtocolProblem(resource, id, "scripts are not allowed in diagrams: use a delegate bean"));
			}
			checkExpression(resource, id, attribute.getValue());
		}
		StringBuilder text = new StringBuilder();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				checkExpressions(resource, childElement, id);
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue());
			}
		}
		checkExpression(resource, id, text.toString());
	}

	private void checkExpression(String resource, String elementId, String text) {
		if (!ExpressionPolicy.isExpression(text)) {
			return;
		}
		for (String problem : ExpressionPolicy.problems(text, ExpressionPolicy.Use.PROTOCOL, beans)) {
			problems.add(new ProtocolProblem(resource, elementId, "expression '" + text.strip() + "' " + problem));
		}
	}

	private static boolean isDecision(String resource) {
		return resource.endsWith(".dmn") || resource.endsWith(".dmn11.xml");
	}

	private static boolean isFeel(String language) {
		String value = language == null ? "" : language.strip().toLowerCase(java.util.Locale.ROOT);
		return value.isEmpty() || value.equals("feel") || value.endsWith("/feel/") || value.contains("/feel/");
	}

	/** Field keys of a Camunda Form, at any depth (groups, dynamic lists). */
	static void collectFieldKeys(JsonNode node, Set<String> keys) {
		if (node.isObject()) {
			if (node.hasNonNull("key") && node.get("key").isTextual()) {
				keys.add(node.get("key").asText());
			}
			if (node.hasNonNull("path") && node.get("path").isTextual()) {
				keys.add(node.get("path").asText().split("\\.")[0]);
			}
			node.elements().forEachRemaining(child -> collectFieldKeys(child, keys));
		}
		else if (node.isArray()) {
			node.elements().forEachRemaining(child -> collectFieldKeys(child, keys));
		}
	}

	/** The bean or variable an expression starts with, or null when it is not an expression. */
	static String root(String expression) {
		Matcher matcher = EXPRESSION_ROOT.matcher(expression);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The variable a decision input reads, when it is a plain name or path; null for anything richer. */
	static String inputVariable(String expression) {
		if (expression == null) {
			return null;
		}
		String text = expression.strip();
		String root = root(text);
		if (root != null) {
			return text.matches("^[$#]\\{\\s*[A-Za-z_][A-Za-z0-9_.]*\\s*}$") ? root : null;
		}
		Matcher path = VARIABLE_PATH.matcher(text);
		return path.matches() && !Set.of("true", "false", "null").contains(text) ? path.group(1) : null;
	}

	private static void addIfPresent(Set<String> set, String value) {
		if (value != null && !value.isBlank() && root(value) == null) {
			set.add(value);
		}
	}

}
