package org.acolhida.protocols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in {@code processes/} opens in Camunda Modeler as a clean picture: made for Camunda
 * Platform 7.24, every element drawn (shapes and edges), named where a person sees it, and no two
 * shapes on top of each other.
 */
class ProtocolFilesTest {

	static final String MODELER = "http://camunda.org/schema/modeler/1.0";

	static List<Path> files(String suffix) throws IOException {
		try (Stream<Path> paths = Files.list(Path.of("processes"))) {
			return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
		}
	}

	@TestFactory
	Stream<DynamicTest> everyDiagramIsACleanPicture() throws IOException {
		List<Path> diagrams = files(".bpmn");
		assertThat(diagrams).isNotEmpty();
		return diagrams.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
			BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
			var definitions = model.getDefinitions().getDomElement();
			assertThat(definitions.getAttribute(MODELER, "executionPlatform")).isEqualTo("Camunda Platform");
			assertThat(definitions.getAttribute(MODELER, "executionPlatformVersion")).isEqualTo("7.24.0");

			Map<String, Bounds> shapes = model.getModelElementsByType(BpmnShape.class).stream()
				.filter(shape -> shape.getBpmnElement() != null)
				.collect(Collectors.toMap(shape -> shape.getBpmnElement().getId(), BpmnShape::getBounds));
			List<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
				.filter(edge -> edge.getBpmnElement() != null)
				.map(edge -> edge.getBpmnElement().getId())
				.toList();
			Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
			for (FlowNode node : nodes) {
				assertThat(shapes).as("%s is drawn", node.getId()).containsKey(node.getId());
				// A gateway that only joins paths says nothing to a reader and is left unnamed, as in Modeler.
				boolean join = node instanceof Gateway && node.getOutgoing().size() == 1;
				if (!join) {
					assertThat(node.getName()).as("%s has a name a person can read", node.getId()).isNotBlank();
				}
			}
			for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
				assertThat(edges).as("%s is drawn", flow.getId()).contains(flow.getId());
			}
			assertThat(overlaps(nodes, shapes)).as("shapes on top of each other").isEmpty();
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyDecisionTableAndFormIsMadeForCamundaPlatform() throws IOException {
		List<Path> files = new ArrayList<>(files(".dmn"));
		files.addAll(files(".form"));
		ObjectMapper json = new ObjectMapper();
		return files.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
			String text = Files.readString(path);
			if (path.toString().endsWith(".form")) {
				JsonNode form = json.readTree(text);
				assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
				assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
			}
			else {
				assertThat(text).contains("modeler:executionPlatform=\"Camunda Platform\"",
						"modeler:executionPlatformVersion=\"7.24.0\"");
			}
		}));
	}

	/** Pairs of shapes that overlap, leaving out what is meant to overlap: boundary events on their task, and what a sub-process contains. */
	static List<String> overlaps(Collection<FlowNode> nodes, Map<String, Bounds> shapes) {
		Function<FlowNode, Bounds> bounds = node -> shapes.get(node.getId());
		List<FlowNode> drawn = nodes.stream().filter(node -> bounds.apply(node) != null).toList();
		List<String> overlapping = new ArrayList<>();
		for (int i = 0; i < drawn.size(); i++) {
			for (int j = i + 1; j < drawn.size(); j++) {
				FlowNode a = drawn.get(i);
				FlowNode b = drawn.get(j);
				if (meantToOverlap(a, b) || meantToOverlap(b, a)) {
					continue;
				}
				if (intersect(bounds.apply(a), bounds.apply(b))) {
					overlapping.add(a.getId() + " / " + b.getId());
				}
			}
		}
		return overlapping;
	}

	static boolean meantToOverlap(FlowNode a, FlowNode b) {
		if (a instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null
				&& boundary.getAttachedTo().getId().equals(b.getId())) {
			return true;
		}
		return a instanceof SubProcess && b.getParentElement() != null && contains(a, b);
	}

	static boolean contains(FlowNode container, FlowNode node) {
		for (var parent = node.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent == container) {
				return true;
			}
		}
		// A boundary event of something inside the sub-process is inside it too.
		return node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null
				&& boundary.getAttachedTo() != node && contains(container, boundary.getAttachedTo());
	}

	static boolean intersect(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

}
