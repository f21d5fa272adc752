package no.partnerskap.commitments.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date in a request body is a {@code "YYYY-MM-DD"} string with a four-digit year, as the API
 * says. Jackson's own reader also took a number as days since 1970 (20270630 became +57469-02-06),
 * an array {@code [2027,6,30]}, an instant (its date in UTC) and years such as +999999.
 */
class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

    private static final Pattern YYYY_MM_DD = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    IsoDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.currentToken().isScalarValue() ? parser.getText() : "an array or object";
        if (parser.hasToken(JsonToken.VALUE_STRING) && YYYY_MM_DD.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException noSuchDay) {
                // 2027-02-30: refused below like any other text
            }
        }
        throw InvalidFormatException.from(parser, "not a date YYYY-MM-DD", text, LocalDate.class);
    }
}
