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
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses task and filter queries that carry an expression, at any depth, with 400.
 * <p>
 * Camunda 7.24.0 Community evaluates expressions nested in a task query's {@code orQueries} even when
 * ad-hoc query expressions are disabled, which lets any signed-in user run code on the server (fixed
 * only in enterprise releases). No screen of ours needs an expression in a query sent over REST, so
 * every {@code *Expression} parameter and every {@code ${...}} or {@code #{...}} value is refused before
 * the engine sees it: in query parameters and in JSON bodies, including the queries stored in filters,
 * on the REST API for integrations and on the one the webapps use. Filters that the application
 * itself creates (in Java) may still use expressions such as {@code ${currentUser()}}.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

	/** Task queries, and filters, whose stored query is a task query and whose list/count take one. */
	private static final Pattern GUARDED = Pattern.compile("^/(task|filter)(/.*)?$");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");

	/** Bodies of task queries are small; a larger one is refused rather than buffered. */
	private static final int MAX_BODY = 256 * 1024;

	private final ObjectMapper json = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !GUARDED.matcher(pathWithinRestApi(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
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
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		if (body.length > 0) {
			String found;
			try {
				found = findExpression(json.readTree(body), "body");
			}
			catch (JsonProcessingException e) {
				// Not JSON: the engine answers that itself; but a raw expression is refused all the same.
				found = EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find() ? "body" : null;
			}
			if (found != null) {
				refuse(response, found);
				return;
			}
		}
		chain.doFilter(new ReplayedBody(request, body), response);
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

	private static boolean isExpressionName(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith("expression");
	}

	private static String pathWithinRestApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// The engine's REST API is served twice: for integrations at /engine-rest, and for the
		// webapps (Tasklist, Cockpit) at /camunda/api/engine; both address engines as /engine/{name}.
		path = path.replaceFirst("^/(engine-rest|camunda/api/engine)", "");
		return path.replaceFirst("^/engine/[^/]+", "");
	}

	private static void refuse(HttpServletResponse response, String where) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"InvalidRequestException\",\"message\":\"Expressions are not allowed in task or "
					+ "filter queries (found in " + where.replace("\"", "'") + ")\"}");
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
