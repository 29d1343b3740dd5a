package org.acolhida.system;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

/**
 * Refuses text with the NUL character in the JSON our {@code /api} reads: PostgreSQL cannot store it
 * and would fail the whole save with a 500. The refusal names the field (see {@link ApiErrors}). The
 * engine's REST API has its own reader; {@link EngineRequestGuard} refuses NUL there.
 */
@Component("textWithoutNul")
class TextWithoutNul extends SimpleModule {

	TextWithoutNul() {
		super("acolhida-text-without-nul");
		addDeserializer(String.class, new Deserializer());
	}

	/** Text that holds the NUL character; Jackson adds the field's path as it passes through. */
	static final class NulInText extends JsonMappingException {

		NulInText(JsonParser parser) {
			super(parser, "text must not contain the NUL character");
		}

	}

	static final class Deserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = super.deserialize(parser, context);
			if (text != null && text.indexOf('\u0000') >= 0) {
				throw new NulInText(parser);
			}
			return text;
		}

	}

}
