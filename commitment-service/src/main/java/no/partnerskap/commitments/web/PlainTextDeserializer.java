package no.partnerskap.commitments.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * Text in a request body is a JSON string, and holds no control characters but tab and line breaks, and no half of a
 * surrogate pair on its own. JSON can carry any (U+0000 among them, which no PostgreSQL text can
 * hold; a lone surrogate, which no UTF-8 can), and the event would carry it for good into every
 * read model and page.
 */
class PlainTextDeserializer extends StdScalarDeserializer<String> {

    PlainTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        // text is a JSON string: a number or true read as text was not what the client meant to send
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser.currentToken(), parser,
                    "text must be a JSON string, not %s", parser.currentToken());
        }
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && text.codePoints().anyMatch(PlainTextDeserializer::refused)) {
            throw InvalidFormatException.from(parser, "a control character or a lone surrogate", text, String.class);
        }
        return text;
    }

    /** A pair of surrogates is one code point here; a lone one keeps the surrogate type. */
    private static boolean refused(int c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r'
                || Character.getType(c) == Character.SURROGATE;
    }
}
