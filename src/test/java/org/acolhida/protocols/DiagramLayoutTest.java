package org.acolhida.protocols;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every diagram in {@code processes/} reads as a picture a manager can follow: no label on another label or
 * inside another element, no flow that starts or ends inside its own task, and the whole diagram within what
 * a laptop shows at a readable zoom. The boxes are computed from the diagram interchange the way bpmn-js
 * draws them ({@link DiagramLayout}), so the test needs no browser.
 */
class DiagramLayoutTest {

	@TestFactory
	Stream<DynamicTest> everyDiagramReadsWithoutOverlaps() throws IOException {
		List<Path> diagrams = ProtocolFilesTest.files(".bpmn");
		assertThat(diagrams).isNotEmpty();
		return diagrams.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
			DiagramLayout layout;
			try (InputStream in = Files.newInputStream(path)) {
				layout = DiagramLayout.read(in);
			}
			assertThat(layout.shapes).as("%s has shapes", path).isNotEmpty();
			assertThat(layout.findings()).as("what a reader of %s trips over", path.getFileName()).isEmpty();
		}));
	}

	// The checks themselves, each on a small diagram that breaks exactly one rule.

	@Test
	void findsTwoLabelsOnEachOther() throws Exception {
		List<String> findings = findings(
				event("start_a", "startEvent", "Household arrives", 100, 100, label(80, 140))
						+ event("end_b", "endEvent", "Case closed", 200, 100, label(120, 145)));
		assertThat(findings).singleElement().asString()
			.contains("label of start_a 'Household arrives'", "overlaps", "label of end_b 'Case closed'", "(x=120 y=145");
	}

	@Test
	void findsAFlowLabelInsideTheTaskItPointsTo() throws Exception {
		List<String> findings = findings(
				event("gw_a", "exclusiveGateway", "Accepted?", 100, 100, label(95, 155))
						+ task("task_b", 250, 85) + flow("flow_yes", "accepted", "gw_a", "task_b", label(240, 100), 150, 125, 250, 125));
		assertThat(findings).singleElement().asString()
			.contains("label of flow_yes 'accepted'", "lies on userTask task_b (x=250 y=85 w=100 h=80)");
	}

	@Test
	void findsALabelOverASubProcessName() throws Exception {
		String subProcess = "<bpmn:subProcess id=\"sub_wait\" name=\"Waiting for a bed\">"
				+ "<bpmn:intermediateCatchEvent id=\"catch_freed\" name=\"Beds freed somewhere\"/></bpmn:subProcess>";
		String di = shape("sub_wait", 100, 100, 400, 200, " isExpanded=\"true\"", "")
				+ shape("catch_freed", 282, 150, 36, 36, "", label(262, 104));
		List<String> findings = DiagramLayout.read(diagram(subProcess, di)).findings();
		assertThat(findings).singleElement().asString()
			.contains("label of sub_wait 'Waiting for a bed'", "label of catch_freed 'Beds freed somewhere'");
	}

	@Test
	void findsALabelAcrossASubProcessBorder() throws Exception {
		String subProcess = "<bpmn:subProcess id=\"sub_refer\" name=\"Refer\"><bpmn:endEvent id=\"end_recorded\" name=\"Referral recorded\"/>"
				+ "</bpmn:subProcess>";
		String di = shape("sub_refer", 100, 100, 300, 200, " isExpanded=\"true\"", "")
				+ shape("end_recorded", 352, 180, 36, 36, "", label(345, 220));
		List<String> findings = DiagramLayout.read(diagram(subProcess, di)).findings();
		assertThat(findings).singleElement().asString()
			.contains("label of end_recorded 'Referral recorded'", "crosses the border of subProcess sub_refer");
	}

	@Test
	void findsAFlowEnteringItsTaskFromInside() throws Exception {
		List<String> findings = findings(
				event("start_a", "startEvent", "Go", 100, 100, label(105, 140)) + task("task_b", 250, 85)
						+ flow("flow_reopen", "", "start_a", "task_b", "", 136, 118, 300, 118, 300, 160));
		assertThat(findings).isNotEmpty().allSatisfy(finding -> assertThat(finding).contains("flow_reopen", "task_b"));
		assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("waypoint (300,160) inside its target"));
	}

	@Test
	void acceptsAFlowFromTheCornerOfAGatewayAndTheBorderOfATask() throws Exception {
		List<String> findings = findings(
				event("gw_a", "exclusiveGateway", "Accepted?", 100, 100, label(95, 155)) + task("task_b", 250, 0)
						+ flow("flow_yes", "accepted", "gw_a", "task_b", label(130, 60), 125, 100, 125, 40, 250, 40));
		assertThat(findings).isEmpty();
	}

	@Test
	void findsANamedLabelWithoutBounds() throws Exception {
		List<String> findings = findings(event("end_a", "endEvent", "Case closed", 100, 100, ""));
		assertThat(findings).singleElement().asString().contains("end_a 'Case closed' has no label bounds");
	}

	@Test
	void findsALabelTooSmallForItsWords() throws Exception {
		// bounds 10 px wide, but bpmn-js draws "Household arrives" from their left edge at its full width
		List<String> findings = findings(
				event("start_a", "startEvent", "Household arrives", 100, 100, "<bpmndi:BPMNLabel><dc:Bounds x=\"140\" y=\"100\" width=\"10\" height=\"14\"/></bpmndi:BPMNLabel>")
						+ task("task_b", 200, 78));
		assertThat(findings).singleElement().asString().contains("'Household arrives'", "lies on userTask task_b");
	}

	@Test
	void findsADiagramTooWideForALaptop() throws Exception {
		List<String> findings = findings(task("task_a", 0, 0) + task("task_b", 2100, 0));
		assertThat(findings).singleElement().asString().contains("the diagram is 2200 x 80 px");
	}

	@Test
	void wrapsLabelsAsBpmnJsDoes() {
		// as bpmn-js 8 draws them in Chromium: "Household at the desk" in two lines, 86 px wide, "Document chosen"
		// in one of 87 px, "Too many no-shows?" cut after the hyphen; a cut line keeps its space
		assertThat(DiagramLayout.textLines("Household at the desk", 11, 90)).containsExactly("Household at the ", "desk");
		assertThat(DiagramLayout.textLines("Document chosen", 11, 90)).containsExactly("Document chosen");
		assertThat(DiagramLayout.textLines("Too many no-shows?", 11, 90)).containsExactly("Too many no-", "shows?");
		assertThat(DiagramLayout.textSize("Household at the desk", 11, 90)[0]).isBetween(86.0, 95.0);
		assertThat(DiagramLayout.textSize("Document chosen", 11, 90)[0]).isBetween(87.0, 96.0);
	}

	private static List<String> findings(String elementsAndShapes) throws Exception {
		String[] parts = elementsAndShapes.split("\u0000");
		StringBuilder process = new StringBuilder();
		StringBuilder di = new StringBuilder();
		for (int i = 0; i + 1 < parts.length; i += 2) {
			process.append(parts[i]);
			di.append(parts[i + 1]);
		}
		return DiagramLayout.read(diagram(process.toString(), di.toString())).findings();
	}

	/** An element and its shape, separated by NUL so that a test reads as one line per element. */
	private static String event(String id, String kind, String name, double x, double y, String label) {
		double size = kind.endsWith("Gateway") ? 50 : 36;
		return "<bpmn:" + kind + " id=\"" + id + "\" name=\"" + name + "\"/>\u0000" + shape(id, x, y, size, size, "", label)
				+ "\u0000";
	}

	private static String task(String id, double x, double y) {
		return "<bpmn:userTask id=\"" + id + "\" name=\"Do it\"/>\u0000" + shape(id, x, y, 100, 80, "", "") + "\u0000";
	}

	private static String flow(String id, String name, String source, String target, String label, double... xy) {
		StringBuilder edge = new StringBuilder("<bpmndi:BPMNEdge id=\"" + id + "_di\" bpmnElement=\"" + id + "\">");
		for (int i = 0; i < xy.length; i += 2) {
			edge.append("<di:waypoint x=\"").append(xy[i]).append("\" y=\"").append(xy[i + 1]).append("\"/>");
		}
		edge.append(label).append("</bpmndi:BPMNEdge>");
		return "<bpmn:sequenceFlow id=\"" + id + "\" name=\"" + name + "\" sourceRef=\"" + source + "\" targetRef=\""
				+ target + "\"/>\u0000" + edge + "\u0000";
	}

	/** Label bounds the size bpmn-js gives a one-line label of about ten letters. */
	private static String label(double x, double y) {
		return "<bpmndi:BPMNLabel><dc:Bounds x=\"" + x + "\" y=\"" + y + "\" width=\"60\" height=\"14\"/></bpmndi:BPMNLabel>";
	}

	private static String shape(String id, double x, double y, double width, double height, String attributes,
			String label) {
		return "<bpmndi:BPMNShape id=\"" + id + "_di\" bpmnElement=\"" + id + "\"" + attributes + "><dc:Bounds x=\"" + x
				+ "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height + "\"/>" + label + "</bpmndi:BPMNShape>";
	}

	private static InputStream diagram(String process, String di) {
		String xml = "<bpmn:definitions xmlns:bpmn=\"" + DiagramLayout.BPMN + "\" xmlns:bpmndi=\"" + DiagramLayout.BPMNDI
				+ "\" xmlns:dc=\"" + DiagramLayout.DC + "\" xmlns:di=\"" + DiagramLayout.DI + "\" id=\"d\" targetNamespace=\"t\">"
				+ "<bpmn:process id=\"tiny\">" + process + "</bpmn:process><bpmndi:BPMNDiagram id=\"dg\">"
				+ "<bpmndi:BPMNPlane id=\"pl\" bpmnElement=\"tiny\">" + di + "</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>"
				+ "</bpmn:definitions>";
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

}
