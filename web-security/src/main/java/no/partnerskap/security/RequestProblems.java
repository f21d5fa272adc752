package no.partnerskap.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Invalid requests as RFC 9457 problems that name what was wrong: every field or parameter in
 * {@code errors: [{field, message}]}, and for a closed set of values the values it accepts.
 * Spring's own answers say only "Validation failure" or "Failed to convert 'id'". Both services'
 * problem advice extends this.
 */
public abstract class RequestProblems extends ResponseEntityExceptionHandler {

    public record FieldError(String field, String message) {
    }

    /** Jackson's message for a field named twice, with strict duplicate detection on. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    /** Jackson's message for a field marked required that the body leaves out (an explicit null is given). */
    private static final Pattern MISSING = Pattern.compile("^Missing required creator property '([^']*)'");

    private final String methodsHint;

    /** @param methodsHint what this service's API takes, told to whoever sent the wrong method */
    protected RequestProblems(String methodsHint) {
        this.methodsHint = methodsHint;
    }

    /** A body whose fields break their constraints. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        return invalid("The request has " + errors.size() + " invalid field(s).", errors);
    }

    /** A body that is not JSON, or not of this request's shape. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        StreamReadException read = duplicateField(ex);
        if (read != null) {
            String field = duplicated(read.getProcessor(), DUPLICATE.matcher(read.getOriginalMessage()).replaceAll("$1"));
            String message = "is given more than once";
            return ResponseEntity.badRequest().body(problem("Malformed request", "Field '" + field + "' " + message
                    + ".", List.of(new FieldError(field, message))));
        }
        if (notUtf8(ex)) {
            // e.g. ISO-8859-1 text sent without a charset: Jackson names only the field it was reading
            return ResponseEntity.badRequest().body(problem("Malformed request",
                    "The body is not UTF-8 text: send JSON in UTF-8.", List.of()));
        }
        if (ex.getCause() instanceof MismatchedInputException trailing
                && String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
            return ResponseEntity.badRequest().body(problem("Malformed request",
                    "The body holds something after its JSON object: send one object and nothing after it.",
                    List.of()));
        }
        if (!(ex.getCause() instanceof JsonMappingException mapping)) {
            return ResponseEntity.badRequest().body(problem("Malformed request",
                    "The body is not valid JSON for this request.", List.of()));
        }
        java.util.regex.Matcher missing = MISSING.matcher(String.valueOf(mapping.getOriginalMessage()));
        if (missing.find()) {
            String field = missing.group(1);
            String message = "must be sent (null for none): the request replaces it";
            return invalid("Field '" + field + "' " + message + ".", List.of(new FieldError(field, message)));
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = mapping instanceof UnrecognizedPropertyException ? "unknown field"
                : mapping instanceof InvalidFormatException format && format.getTargetType() == String.class
                ? "must not hold control characters (tab and line breaks are fine) or half a surrogate pair"
                : mapping instanceof InvalidFormatException format && format.getTargetType() == LocalDate.class
                ? date(format.getValue())
                : mapping instanceof InvalidFormatException format && shape(format.getTargetType()) != null
                ? shape(format.getTargetType()) + ", not " + format.getValue()
                : mapping instanceof InvalidFormatException format
                ? "cannot read " + format.getValue() + " as " + format.getTargetType().getSimpleName()
                        + (format.getTargetType().isEnum() ? "; " + oneOf(format.getTargetType()) : "")
                : mapping instanceof MismatchedInputException mismatch && shape(mismatch.getTargetType()) != null
                ? shape(mismatch.getTargetType())
                : "wrong type or shape";
        return ResponseEntity.badRequest().body(problem("Malformed request", "Field '" + field + "': " + message + ".",
                List.of(new FieldError(field, message))));
    }

    /**
     * A date that cannot be read: one in the right form naming a day the calendar does not have (29 February of a
     * common year, 31 April) is told so, rather than to take a form it already has.
     */
    private static String date(Object value) {
        String text = String.valueOf(value);
        return text.matches("\\d{4}-\\d{2}-\\d{2}")
                ? "names a day the calendar does not have: " + text + " (the form, YYYY-MM-DD, is right)"
                : "must be a date (YYYY-MM-DD), not '" + text + "'";
    }

    /** What a value of this type is sent as, for an integrator who sent something else; null where it says nothing. */
    private static String shape(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == String.class) {
            return "must be a JSON string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole JSON number, without a fraction or quotes";
        }
        if (type == java.math.BigDecimal.class) {
            return "must be a number, or a decimal in a string";
        }
        if (type == java.util.UUID.class) {
            return "must be an id, a UUID such as 0b6e3c1e-5c2a-4f3e-9d1a-2a7c3e4b5d6f";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a JSON array";
        }
        if (type.isRecord()) {
            return "must be a JSON object";
        }
        return null;
    }

    private static boolean notUtf8(Throwable ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read
                    && String.valueOf(read.getOriginalMessage()).startsWith("Invalid UTF-8")) {
                return true;
            }
        }
        return false;
    }

    /** Jackson's complaint about a field named twice, also where a nested object's reader wrapped it. */
    private static StreamReadException duplicateField(Throwable ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && read.getProcessor() != null
                    && DUPLICATE.matcher(String.valueOf(read.getOriginalMessage())).matches()) {
                return read;
            }
        }
        return null;
    }

    /** A field named twice in one object: ambiguous, so neither value is taken (the path as for other fields). */
    private static String duplicated(JsonParser parser, String name) {
        Deque<String> parts = new ArrayDeque<>(List.of(name));
        for (JsonStreamContext context = parser.getParsingContext();
             context.getParent() != null && !context.getParent().inRoot(); context = context.getParent()) {
            JsonStreamContext parent = context.getParent();
            parts.push(parent.inArray() ? "[" + parent.getCurrentIndex() + "]" : parent.getCurrentName());
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** Query parameters or path variables that break their constraints. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().stream()
                .map(MessageSourceResolvable::getDefaultMessage)
                .forEach(message -> errors.add(new FieldError(name(result.getMethodParameter()),
                        message + ", not '" + result.getArgument() + "'"))));
        return invalid(errors.stream().map(e -> "'" + e.field() + "' " + e.message())
                .collect(Collectors.joining("; ", "Invalid parameter: ", ".")), errors);
    }

    /** A query parameter or path variable that cannot be read as its type (a UUID, a number, a date). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        if (ex.getRequiredType() == LocalDate.class) {
            return invalidParameter(field, date(ex.getValue()));
        }
        return invalidParameter(field, expected(ex.getRequiredType()) + ", not '" + ex.getValue() + "'");
    }

    /**
     * One query parameter or path variable that is invalid: for checks a constraint annotation cannot
     * express (a value against the stored history, or against another parameter).
     */
    protected static ResponseEntity<Object> invalidParameter(String field, String message) {
        return invalid("Invalid parameter: '" + field + "' " + message + ".", List.of(new FieldError(field, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        String message = "is required";
        return invalid("Missing parameter: '" + ex.getParameterName() + "' " + message + ".",
                List.of(new FieldError(ex.getParameterName(), message)));
    }

    /** Spring says "No static resource api/x" for any path nothing is mapped to. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Nothing is at /" + ex.getResourcePath() + ".");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /**
     * No answer the caller takes, or an Accept header that cannot be read. Spring negotiates the problem's own
     * type from that same header and, when it cannot be read, sends the 406 with no body; the problem's type is
     * therefore set here.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        ProblemDetail problem = ex.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        if (ex.getSupportedMediaTypes().isEmpty()) {
            problem.setDetail("The Accept header '" + request.getHeader(HttpHeaders.ACCEPT)
                    + "' cannot be read: ask for application/json, or leave the header out.");
        }
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A GET meant for the read side, or a POST meant for the write side. */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                ex.getMethod() + " is not supported here: " + methodsHint);
        problem.setTitle("Method not allowed");
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        if (ex.getSupportedHttpMethods() == null || ex.getSupportedHttpMethods().isEmpty()) {
            // an address the other service serves, where this one takes no method at all: an Allow naming one
            // (GET, say) told a client what would be answered here, falsely; an empty one says none (RFC 9110)
            answer.setAllow(java.util.Set.of());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(answer).body(problem);
    }

    /**
     * A header value the firewall refuses. The firewall checks a header's value when it is read, so this
     * one was first read by a handler (an Idempotency-Key, say): still the caller's mistake, not a failure here.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> handleRequestRejected(RequestRejectedException ex) {
        return ResponseEntity.badRequest().body(problem("Bad request", "A header holds characters that are not "
                + "allowed, such as control characters or text that is not ISO-8859-1: use printable ASCII.",
                List.of()));
    }

    private static ResponseEntity<Object> invalid(String detail, List<FieldError> errors) {
        return ResponseEntity.badRequest().body(problem("Invalid request", detail, errors));
    }

    private static ProblemDetail problem(String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static String name(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type.isEnum()) {
            return "must be " + oneOf(type);
        }
        return "cannot be read as " + type.getSimpleName();
    }

    /** "one of A, B, C": an enum's values. */
    private static String oneOf(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", ", "one of ", ""));
    }
}
