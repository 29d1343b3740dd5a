package org.acolhida.protocols;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A BPMN diagram as bpmn-js draws it, read from its diagram interchange alone: each shape's box, each
 * flow's waypoints, and each label's box where bpmn-js puts its text. {@link #findings()} lists what a
 * reader of the picture would trip over.
 *
 * <p>Where the text goes, as bpmn-js draws it (the auditor's page uses bpmn-js 8, Camunda Modeler a later
 * version that keeps these rules):
 * <ul>
 * <li>External labels (events, gateways, data objects and stores, named flows) start at the top-left corner
 * of their {@code BPMNLabel} bounds, wrapped to 90 px in Arial 11 px with a line height of 1.2. The box
 * taken here is the union of those bounds and the wrapped text, so a label whose bounds are too small for
 * its words is still judged by what is drawn. Modeler writes the text's own size as the bounds.</li>
 * <li>Embedded labels (tasks, collapsed sub-processes) are drawn inside their shape; an expanded
 * sub-process, pool or lane draws its name in a strip along its top edge (centred in bpmn-js 8, at the left
 * in some later versions: the whole strip counts). Only that strip counts as the container's, never its
 * body, which holds other elements.</li>
 * </ul>
 * Text widths come from Arial's metrics (Liberation Sans, which browsers use for Arial on Linux, has the
 * same), with a margin for the renderer's rounding; lines break where bpmn-js breaks them
 * ({@link #textLines}).
 */
final class DiagramLayout {

	/**
	 * The largest diagram a manager reads without scrolling. A laptop's 1920 x 1080 screen leaves Modeler a
	 * canvas of about 1500 x 830 CSS px beside its properties panel (or the auditor's page a similar area);
	 * external labels are 11 px, which stay readable down to about 75 % zoom (8 px on screen, the size of a
	 * map's small print). 1500 / 0.75 = 2000 and 830 / 0.75 = 1107, so: 2000 x 1100 px of diagram.
	 */
	static final double MAX_WIDTH = 2000;

	static final double MAX_HEIGHT = 1100;

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";

	static final String DC = "http://www.omg.org/spec/DD/20100524/DC";

	static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

	/** A point inside a shape by less than this is on its border: bpmn-js and Modeler round to whole pixels. */
	static final double BORDER = 1.5;

	/** bpmn-js's external label: Arial 11 px, lines of 1.2 em, wrapped at 90 px. */
	static final double EXTERNAL_FONT = 11;

	static final double EXTERNAL_WRAP = 90;

	static final double LINE_HEIGHT = 1.2;

	/** Measured text is a few per cent wider in Chromium than Arial's advance widths add up to. */
	static final double TEXT_MARGIN = 1.08;

	/** The strip along the top of an expanded sub-process, pool or lane that holds its name: 5 px padding, then 12 px lines. */
	static final double TITLE_PADDING = 5;

	static final double TITLE_FONT = 12;

	record Box(double x, double y, double width, double height) {

		double right() {
			return x + width;
		}

		double bottom() {
			return y + height;
		}

		boolean overlaps(Box other) {
			return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
		}

		Box union(Box other) {
			double left = Math.min(x, other.x);
			double top = Math.min(y, other.y);
			return new Box(left, top, Math.max(right(), other.right()) - left, Math.max(bottom(), other.bottom()) - top);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "(x=%.0f y=%.0f w=%.0f h=%.0f)", x, y, width, height);
		}

	}

	record Point(double x, double y) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "(%.0f,%.0f)", x, y);
		}

	}

	enum Outline {
		RECTANGLE, DIAMOND, CIRCLE
	}

	/** A drawn element of the process: its kind (the BPMN element's local name), name and box. */
	record Shape(String id, String kind, String name, Box bounds, Outline outline, boolean expanded, String attachedTo) {

		boolean container() {
			return expanded || kind.equals("participant") || kind.equals("lane");
		}

		/** How far a point lies inside the outline, in px: negative or zero outside or on it. */
		double depth(Point point) {
			double cx = bounds.x() + bounds.width() / 2;
			double cy = bounds.y() + bounds.height() / 2;
			double dx = Math.abs(point.x() - cx);
			double dy = Math.abs(point.y() - cy);
			return switch (outline) {
				case RECTANGLE -> Math.min(bounds.width() / 2 - dx, bounds.height() / 2 - dy);
				case CIRCLE -> Math.min(bounds.width(), bounds.height()) / 2 - Math.hypot(dx, dy);
				// distance to the diamond's edge along the normal
				case DIAMOND -> {
					double a = bounds.width() / 2;
					double b = bounds.height() / 2;
					yield (1 - dx / a - dy / b) * a * b / Math.hypot(a, b);
				}
			};
		}

	}

	record Label(String owner, String text, Box box) {

		@Override
		public String toString() {
			return "label of " + owner + " '" + text.replace('\n', ' ') + "' " + box;
		}

	}

	record Flow(String id, String name, String source, String target, List<Point> waypoints) {
	}

	final String process;

	final Map<String, Shape> shapes = new LinkedHashMap<>();

	final Map<String, Flow> flows = new LinkedHashMap<>();

	final List<Label> labels = new ArrayList<>();

	final List<String> findings = new ArrayList<>();

	private DiagramLayout(String process) {
		this.process = process;
	}

	static DiagramLayout read(InputStream bpmn) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document = factory.newDocumentBuilder().parse(bpmn);

		Map<String, Element> elements = new HashMap<>();
		NodeList all = document.getElementsByTagNameNS(BPMN, "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			if (!element.getAttribute("id").isEmpty()) {
				elements.put(element.getAttribute("id"), element);
			}
		}
		NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
		String name = processes.getLength() > 0 ? ((Element) processes.item(0)).getAttribute("id") : "?";
		DiagramLayout layout = new DiagramLayout(name);

		for (Element di : children(document, BPMNDI, "BPMNShape")) {
			Element element = elements.get(di.getAttribute("bpmnElement"));
			if (element == null) {
				layout.findings.add(layout.process + ": shape " + di.getAttribute("id") + " draws no element of the process");
				continue;
			}
			String kind = element.getLocalName();
			Outline outline = kind.endsWith("Gateway") ? Outline.DIAMOND
					: kind.endsWith("Event") ? Outline.CIRCLE : Outline.RECTANGLE;
			// bpmn-js draws a sub-process collapsed unless its shape says isExpanded="true"
			boolean expanded = kind.endsWith("ubProcess") || kind.equals("transaction")
					? "true".equals(di.getAttribute("isExpanded")) : false;
			Shape shape = new Shape(element.getAttribute("id"), kind, element.getAttribute("name"),
					bounds(first(di, DC, "Bounds")), outline, expanded, blankToNull(element.getAttribute("attachedToRef")));
			layout.shapes.put(shape.id(), shape);
			layout.label(shape.id(), kind, shape.name(), shape, di);
		}
		for (Element di : children(document, BPMNDI, "BPMNEdge")) {
			Element element = elements.get(di.getAttribute("bpmnElement"));
			if (element == null) {
				layout.findings.add(layout.process + ": edge " + di.getAttribute("id") + " draws no element of the process");
				continue;
			}
			List<Point> waypoints = new ArrayList<>();
			for (Element waypoint : children(di, DI, "waypoint")) {
				waypoints.add(new Point(number(waypoint, "x"), number(waypoint, "y")));
			}
			Flow flow = new Flow(element.getAttribute("id"), element.getAttribute("name"),
					element.getAttribute("sourceRef"), element.getAttribute("targetRef"), waypoints);
			layout.flows.put(flow.id(), flow);
			layout.label(flow.id(), element.getLocalName(), flow.name(), null, di);
		}
		layout.check();
		return layout;
	}

	List<String> findings() {
		return findings;
	}

	/** The box around every shape, waypoint and label: what a reader must see at once. */
	Box extent() {
		Box extent = null;
		for (Shape shape : shapes.values()) {
			extent = extent == null ? shape.bounds() : extent.union(shape.bounds());
		}
		for (Flow flow : flows.values()) {
			for (Point point : flow.waypoints()) {
				Box dot = new Box(point.x(), point.y(), 0, 0);
				extent = extent == null ? dot : extent.union(dot);
			}
		}
		for (Label label : labels) {
			extent = extent == null ? label.box() : extent.union(label.box());
		}
		return extent == null ? new Box(0, 0, 0, 0) : extent;
	}

	private void label(String owner, String kind, String name, Shape shape, Element di) {
		if (name == null || name.isBlank()) {
			return;
		}
		if (external(kind)) {
			Element bounds = first(first(di, BPMNDI, "BPMNLabel"), DC, "Bounds");
			if (bounds == null) {
				findings.add(process + ": " + owner + " '" + name + "' has no label bounds, so bpmn-js places its label"
						+ " by a default of its own; give it BPMNLabel bounds (move the label once in Modeler)");
				return;
			}
			Box declared = bounds(bounds);
			double[] text = textSize(name, EXTERNAL_FONT, EXTERNAL_WRAP);
			labels.add(new Label(owner, name, declared.union(new Box(declared.x(), declared.y(), text[0], text[1]))));
		}
		else if (shape != null && shape.container()) {
			double lines = textLines(name, TITLE_FONT, shape.bounds().width() - 2 * TITLE_PADDING).size();
			Box strip = new Box(shape.bounds().x(), shape.bounds().y(), shape.bounds().width(),
					2 * TITLE_PADDING + lines * TITLE_FONT * LINE_HEIGHT);
			labels.add(new Label(owner, name, strip));
		}
		// A task's name is drawn inside the task: its box is the task's, which the shape checks cover.
	}

	static boolean external(String kind) {
		return kind.endsWith("Event") || kind.endsWith("Gateway") || kind.equals("dataObjectReference")
				|| kind.equals("dataStoreReference") || kind.equals("dataInput") || kind.equals("dataOutput")
				|| kind.equals("sequenceFlow") || kind.equals("messageFlow") || kind.equals("group");
	}

	private void check() {
		// Labels on labels.
		for (int i = 0; i < labels.size(); i++) {
			for (int j = i + 1; j < labels.size(); j++) {
				Label a = labels.get(i);
				Label b = labels.get(j);
				if (a.box().overlaps(b.box())) {
					findings.add(process + ": " + a + " overlaps " + b);
				}
			}
		}
		// Labels on shapes: a label inside or across another element hides it or reads as its name.
		for (Label label : labels) {
			for (Shape shape : shapes.values()) {
				if (shape.id().equals(label.owner())) {
					continue;
				}
				// a container's body holds other elements, so a label may lie inside it (its name strip is a label,
				// checked above), but not across its border, where the line runs through the words
				if (shape.container()) {
					if (label.box().overlaps(shape.bounds()) && !inside(label.box(), shape.bounds())) {
						findings.add(process + ": " + label + " crosses the border of " + shape.kind() + " " + shape.id()
								+ " " + shape.bounds());
					}
					continue;
				}
				if (label.box().overlaps(shape.bounds())) {
					findings.add(process + ": " + label + " lies on " + shape.kind() + " " + shape.id() + " " + shape.bounds());
				}
			}
		}
		// Shapes on a container's name.
		for (Label title : labels) {
			Shape container = shapes.get(title.owner());
			if (container == null || !container.container()) {
				continue;
			}
			for (Shape shape : shapes.values()) {
				if (shape == container || container.id().equals(shape.attachedTo())) {
					continue;
				}
				if (title.box().overlaps(shape.bounds())) {
					findings.add(process + ": " + shape.kind() + " " + shape.id() + " " + shape.bounds() + " lies on the "
							+ title);
				}
			}
		}
		// Flows that start or end inside their own shapes, or run through them.
		for (Flow flow : flows.values()) {
			List<Point> points = flow.waypoints();
			if (points.size() < 2) {
				findings.add(process + ": flow " + flow.id() + " has fewer than two waypoints");
				continue;
			}
			for (String end : List.of(flow.source(), flow.target())) {
				Shape shape = shapes.get(end);
				if (shape == null) {
					continue;
				}
				for (Point point : points) {
					if (shape.depth(point) > BORDER) {
						findings.add(process + ": flow " + flow.id() + " has a waypoint " + point + " inside its "
								+ (end.equals(flow.source()) ? "source " : "target ") + shape.id() + " " + shape.bounds()
								+ ", not on its border");
					}
				}
				for (int i = 1; i < points.size(); i++) {
					Point inside = through(shape, points.get(i - 1), points.get(i));
					if (inside != null) {
						findings.add(process + ": flow " + flow.id() + " runs through its "
								+ (end.equals(flow.source()) ? "source " : "target ") + shape.id() + " " + shape.bounds()
								+ " at " + inside);
						break;
					}
				}
			}
		}
		Box extent = extent();
		if (extent.width() > MAX_WIDTH || extent.height() > MAX_HEIGHT) {
			findings.add(process + ": the diagram is " + Math.round(extent.width()) + " x " + Math.round(extent.height())
					+ " px " + extent + ", more than the " + (int) MAX_WIDTH + " x " + (int) MAX_HEIGHT
					+ " px a laptop shows at a readable zoom");
		}
	}

	private static boolean inside(Box inner, Box outer) {
		return inner.x() >= outer.x() && inner.right() <= outer.right() && inner.y() >= outer.y()
				&& inner.bottom() <= outer.bottom();
	}

	/** A point of the segment well inside the shape, or null: sampled every pixel, ends left out. */
	private static Point through(Shape shape, Point from, Point to) {
		double length = Math.hypot(to.x() - from.x(), to.y() - from.y());
		for (double t = 1; t < length - 1; t++) {
			Point point = new Point(from.x() + (to.x() - from.x()) * t / length, from.y() + (to.y() - from.y()) * t / length);
			if (shape.depth(point) > BORDER) {
				return point;
			}
		}
		return null;
	}

	static double[] textSize(String text, double font, double wrap) {
		List<String> lines = textLines(text, font, wrap);
		double width = 0;
		for (String line : lines) {
			width = Math.max(width, textWidth(line, font) * TEXT_MARGIN);
		}
		return new double[] { Math.ceil(width), Math.ceil(lines.size() * font * LINE_HEIGHT) };
	}

	/**
	 * bpmn-js's line breaking ({@code Text.layoutNext} of diagram-js), step for step: a line too wide is cut
	 * after the share of its characters that the width allows, at the last space or hyphen before that, and
	 * measured again; the rest starts the next line. A line keeps the space it was cut at, which counts in
	 * its width as it does in bpmn-js's centring.
	 */
	static List<String> textLines(String text, double font, double wrap) {
		List<String> lines = new ArrayList<>();
		java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(text.split("\u00AD?\r?\n", -1)));
		while (!pending.isEmpty()) {
			String original = pending.removeFirst();
			String fit = original;
			while (true) {
				double width = fit.isEmpty() ? 0 : textWidth(fit, font);
				if (fit.equals(" ") || fit.isEmpty() || width < Math.round(wrap) || fit.length() < 2) {
					if (fit.length() < original.length()) {
						pending.addFirst(original.substring(fit.length()).trim());
					}
					lines.add(fit);
					break;
				}
				double length = Math.max(fit.length() * (wrap / width), 1);
				String shorter = semanticShorten(fit, length);
				fit = shorter.isEmpty() ? fit.substring(0, (int) Math.max(Math.round(length - 1), 1)) : shorter;
			}
		}
		return lines;
	}

	/** The parts of the line, split at spaces and hyphens, that fit in {@code maxLength} characters. */
	private static String semanticShorten(String line, double maxLength) {
		List<String> parts = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (char c : line.toCharArray()) {
			if (Character.isWhitespace(c) || c == '-' || c == '\u00AD') {
				parts.add(word.toString());
				parts.add(String.valueOf(c));
				word.setLength(0);
			}
			else {
				word.append(c);
			}
		}
		parts.add(word.toString());
		List<String> kept = new ArrayList<>();
		int length = 0;
		if (parts.size() > 1) {
			for (String part : parts) {
				if (part.isEmpty()) {
					break;
				}
				if (part.length() + length < maxLength) {
					kept.add(part);
					length += part.length();
				}
				else {
					if ((part.equals("-") || part.equals("\u00AD")) && !kept.isEmpty()) {
						kept.remove(kept.size() - 1);
					}
					break;
				}
			}
		}
		if (!kept.isEmpty() && kept.get(kept.size() - 1).equals("\u00AD")) {
			kept.set(kept.size() - 1, "-");
		}
		return String.join("", kept);
	}

	/** Arial's advance widths in thousandths of an em, for the printable ASCII characters from the space on. */
	private static final int[] ARIAL = { 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
			556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
			611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
			278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556,
			333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 };

	static double textWidth(String text, double font) {
		double units = 0;
		for (char c : text.toCharArray()) {
			// letters outside ASCII (accents) are about as wide as an average lower-case letter
			units += c >= 32 && c < 32 + ARIAL.length ? ARIAL[c - 32] : 556;
		}
		return units * font / 1000;
	}

	private static Box bounds(Element bounds) {
		if (bounds == null) {
			return new Box(0, 0, 0, 0);
		}
		return new Box(number(bounds, "x"), number(bounds, "y"), number(bounds, "width"), number(bounds, "height"));
	}

	private static double number(Element element, String attribute) {
		return Double.parseDouble(element.getAttribute(attribute));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static List<Element> children(Node node, String namespace, String localName) {
		List<Element> found = new ArrayList<>();
		NodeList list = node instanceof Document document ? document.getElementsByTagNameNS(namespace, localName)
				: ((Element) node).getElementsByTagNameNS(namespace, localName);
		for (int i = 0; i < list.getLength(); i++) {
			found.add((Element) list.item(i));
		}
		return found;
	}

	private static Element first(Element element, String namespace, String localName) {
		if (element == null) {
			return null;
		}
		NodeList list = element.getElementsByTagNameNS(namespace, localName);
		return list.getLength() == 0 ? null : (Element) list.item(0);
	}

}
