package org.acolhida.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 and before the engine sees them, requests to the engine's REST APIs that the
 * engine would mishandle: task and filter queries that carry an expression, variables in Java's
 * serialization format (which the engine refuses too, but with a 500), variables with an empty type
 * name, of type Xml, of type Json whose value is not JSON, of type File without a file name (each a
 * 500 in the engine), text longer than its column (4000 characters) or names longer than theirs (255),
 * text with a NUL character (PostgreSQL stores none; each a 500 too), of type
 * Object (which names a Java class to build, and fails with a 500 on a bad one: values are JSON here), completions
 * without a body (a 500 too), and JSON bodies that do not parse (which the engine answers with an
 * empty message).
 * <p>
 * Expressions: task and filter queries that carry one, at any depth.
 * <p>
 * Camunda 7.24.0 Community evaluates expressions nested in a task query's {@code orQueries} even when
 * ad-hoc query expressions are disabled, which lets any signed-in user run code on the server (fixed
 * only in enterprise releases). The engine itself now refuses them (expressions.ExpressionGovernance)
 * and evaluates every expression under a policy; this filter is the first answer, with the field named,
 * and decides on the path the servlet container routes. No screen of ours needs an expression in a
 * query sent over REST, so
 * every {@code *Expression} parameter and every {@code ${...}} or {@code #{...}} value is refused before
 * the engine sees it: in query parameters and in JSON bodies, including the queries stored in filters,
 * on the REST API for integrations and on the one the webapps use. Filters that the application
 * itself creates (in Java) may still use expressions such as {@code ${currentUser()}}.
 */
class EngineRequestGuard extends OncePerRequestFilter {

	/** Task queries, and filters, whose stored query is a task query and whose list/count take one. */
	private static final Pattern GUARDED = Pattern.compile("^/(task|filter)(/.*)?$");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");

	/** The engine keeps a String variable in a column of 4000 characters; a longer one fails its insert (500). */
	private static final int MAX_TEXT = 4000;

	/** ... and a variable's name in one of 255. */
	private static final int MAX_NAME = 255;

	/** Completing a task: without a body the engine fails with a NullPointerException (500). */
	private static final Pattern COMPLETION = Pattern.compile("^/task/[^/]+/(complete|submit-form|resolve)$");

	/** Bodies of task queries are small; a larger one is refused rather than buffered. */
	private static final int MAX_BODY = 256 * 1024;

	private static final String VARIABLES_EXPECTED = "Send the task's variables as a JSON object, e.g. {\"variables\": {}}";

	private final ObjectMapper json = new ObjectMapper();

	/** Reads a body as the engine does, which also refuses anything after the first JSON value. */
	private final ObjectReader bodies = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private static final ObjectMapper ANSWERS = new ObjectMapper();

	private static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";

	private final int maxResults;

	/**
	 * @param maxResults the engine's query-max-results-limit: Cockpit asks some lists without a bound
	 * (e.g. a process's versions), which the engine would refuse; the webapps' requests get it as their
	 * bound, while integrations on /engine-rest must page themselves
	 */
	EngineRequestGuard(int maxResults) {
		this.maxResults = maxResults;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !GUARDED.matcher(pathWithinRestApi(request)).matches() && !isJson(request) && !isWebappApi(request);
	}

	private static boolean isJson(HttpServletRequest request) {
		return request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT).contains("json");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean query = GUARDED.matcher(pathWithinRestApi(request)).matches();
		for (Map.Entry<String, String[]> parameter : query ? request.getParameterMap().entrySet()
				: Map.<String, String[]>of().entrySet()) {
			if (isExpressionName(parameter.getKey())) {
				refuse(response, "query parameter '" + parameter.getKey() + "'");
				return;
			}
			for (String value : parameter.getValue()) {
				if (EXPRESSION.matcher(value).find()) {
					refuse(response, "query parameter '" + parameter.getKey() + "'");
					return;
				}
			}
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			tooLarge(response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			tooLarge(response);
			return;
		}
		boolean completion = COMPLETION.matcher(pathWithinRestApi(request)).matches() && "POST".equals(request.getMethod());
		if (completion && new String(body, StandardCharsets.UTF_8).isBlank()) {
			reply(response, VARIABLES_EXPECTED);
			return;
		}
		if (body.length > 0) {
			JsonNode tree;
			try {
				tree = bodies.readTree(body);
			}
			catch (JsonProcessingException e) {
				if (isJson(request)) {
					// The engine would answer 400 too, but with an empty message.
					reply(response, "The body is not readable JSON: " + e.getOriginalMessage());
					return;
				}
				// Not JSON: the engine answers that itself; but a raw expression is refused all the same.
				tree = null;
			}
			String shape = completion && tree != null ? completionShape(tree) : null;
			if (shape != null) {
				// The engine would answer 400 too, but with an empty message.
				reply(response, shape);
				return;
			}
			String text = new String(body, StandardCharsets.UTF_8);
			if (tree == null ? text.contains(JAVA_SERIALIZATION) : hasJavaSerialization(tree)) {
				reply(response, "Variables in Java's serialization format are not accepted; send JSON or primitive values");
				return;
			}
			String badType = tree == null ? null : findUnusableVariableType(tree, "body");
			if (badType != null) {
				reply(response, badType);
				return;
			}
			String found = !query ? null : tree == null ? (EXPRESSION.matcher(text).find() ? "body" : null)
					: findExpression(tree, "body");
			if (found != null) {
				refuse(response, found);
				return;
			}
		}
		HttpServletRequest checked = new ReplayedBody(request, body);
		chain.doFilter(isWebappApi(request) && request.getParameter("maxResults") == null
				? new PagedByDefault(checked, maxResults) : checked, response);
	}

	/**
	 * What is wrong with the shape of a completion ({"variables": {"name": {"value": ..., "type": ...}}}),
	 * or null when it has that shape.
	 */
	static String completionShape(JsonNode tree) {
		if (!tree.isObject()) {
			return VARIABLES_EXPECTED;
		}
		JsonNode variables = tree.get("variables");
		if (variables == null || variables.isNull()) {
			return null;
		}
		if (!variables.isObject()) {
			return "variables: send them as a JSON object of name to {\"value\": ..., \"type\": ...}";
		}
		for (Map.Entry<String, JsonNode> variable : (Iterable<Map.Entry<String, JsonNode>>) variables::fields) {
			if (!variable.getValue().isObject()) {
				return "variables." + variable.getKey()
						+ ": send each variable as {\"value\": ..., \"type\": ...}, not a bare value";
			}
		}
		return null;
	}

	private static boolean isWebappApi(HttpServletRequest request) {
		return RoutedPath.of(request).startsWith("/camunda/api/engine/");
	}

	/** The path of the first field that holds an expression, or null. */
	static String findExpression(JsonNode node, String path) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				String at = path + "." + field.getKey();
				if (isExpressionName(field.getKey())) {
					return at;
				}
				String found = findExpression(field.getValue(), at);
				if (found != null) {
					return found;
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = findExpression(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		else if (node.isTextual() && EXPRESSION.matcher(node.asText()).find()) {
			return path;
		}
		return null;
	}

	/**
	 * What is wrong with the first variable the engine cannot take, or null: text over 4000 characters,
	 * an empty type name, Xml (no XML data format is installed), Object (a Java class), File without a
	 * name, or Json that does not parse. The engine fails on each with a 500.
	 */
	static String findUnusableVariableType(JsonNode node, String path) {
		if (node.isTextual() && node.asText().indexOf('\u0000') >= 0) {
			return "The text at " + path + " contains the NUL character, which the database cannot store";
		}
		if (node.isObject() && node.path("value").isTextual() && node.get("value").asText().length() > MAX_TEXT
				&& (!node.has("type") || node.path("type").asText().equalsIgnoreCase("string"))) {
			return "The value of variable " + path + " is longer than " + MAX_TEXT
					+ " characters, the most a text variable holds";
		}
		// A variable: an object with a value, or any object in a "variables" map (a value may be left out).
		if (node.isObject() && node.path("type").isTextual()
				&& (node.has("value") || node.has("valueInfo") || path.contains(".variables."))) {
			String type = node.get("type").asText().strip();
			if (type.isEmpty()) {
				return "The type of variable " + path + " is empty; leave it out or name a type such as String";
			}
			if (type.equalsIgnoreCase("xml")) {
				return "Variables of type Xml are not accepted (" + path + "); send JSON or primitive values";
			}
			if (type.equalsIgnoreCase("object")) {
				// It names a Java class for the engine to build from the value: no form of ours sends one.
				return "Variables of type Object are not accepted (" + path + "): they name a Java class; send Json or primitive values";
			}
			if (type.equalsIgnoreCase("file") && !node.path("valueInfo").path("filename").isTextual()) {
				return "A variable of type File needs valueInfo.filename (" + path + ")";
			}
			JsonNode value = node.path("value");
			if (type.equalsIgnoreCase("json") && !value.isMissingNode() && !value.isNull()
					&& !(value.isTextual() && isJson(value.asText()))) {
				return "The value of variable " + path + " is not JSON text, as its type Json says";
			}
		}
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (field.getKey().length() > MAX_NAME || field.getKey().indexOf('\u0000') >= 0) {
					return "A name in " + path + " is longer than " + MAX_NAME
							+ " characters or contains the NUL character; the engine cannot store it";
				}
				String found = findUnusableVariableType(field.getValue(), path + "." + field.getKey());
				if (found != null) {
					return found;
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = findUnusableVariableType(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static boolean isJson(String text) {
		try {
			return !ANSWERS.readTree(text).isMissingNode();
		}
		catch (JsonProcessingException e) {
			return false;
		}
	}

	static boolean hasJavaSerialization(JsonNode node) {
		if (node.isTextual()) {
			return JAVA_SERIALIZATION.equalsIgnoreCase(node.asText().strip());
		}
		for (JsonNode child : node) {
			if (hasJavaSerialization(child)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isExpressionName(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith("expression");
	}

	private static String pathWithinRestApi(HttpServletRequest request) {
		String path = RoutedPath.of(request);
		// The engine's REST API is served twice: for integrations at /engine-rest, and for the
		// webapps (Tasklist, Cockpit) at /camunda/api/engine; both address engines as /engine/{name}.
		path = path.replaceFirst("^/(engine-rest|camunda/api/engine)", "");
		return path.replaceFirst("^/engine/[^/]+", "");
	}

	private static void refuse(HttpServletResponse response, String where) throws IOException {
		reply(response, "Expressions are not allowed in task or filter queries (found in " + where + ")");
	}

	private static void tooLarge(HttpServletResponse response) throws IOException {
		reply(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
				"The body is larger than " + MAX_BODY / 1024 + " KiB, more than any request of the engine's API needs");
	}

	private static void reply(HttpServletResponse response, String message) throws IOException {
		reply(response, HttpServletResponse.SC_BAD_REQUEST, message);
	}

	private static void reply(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		// Written by Jackson: the message names the offending field, which may hold quotes, backslashes
		// or control characters that must be escaped for the answer to stay JSON.
		response.getWriter().write(ANSWERS.writeValueAsString(Map.of("type", "InvalidRequestException", "message", message)));
	}

	/** A webapp request without a bound gets the configured one, as if the webapp had paged it. */
	private static final class PagedByDefault extends HttpServletRequestWrapper {

		private final String maxResults;

		PagedByDefault(HttpServletRequest request, int maxResults) {
			super(request);
			this.maxResults = Integer.toString(maxResults);
		}

		@Override
		public String getQueryString() {
			String query = super.getQueryString();
			return (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + maxResults;
		}

		@Override
		public String getParameter(String name) {
			return "maxResults".equals(name) ? maxResults : super.getParameter(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> parameters = new java.util.LinkedHashMap<>(super.getParameterMap());
			parameters.put("maxResults", new String[] { maxResults });
			return parameters;
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return java.util.Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return getParameterMap().get(name);
		}

	}

	/** The request with its body, already read for the check, readable again by the engine. */
	private static final class ReplayedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
