package no.partnerskap.commitments.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;

import java.util.stream.Collectors;
import no.partnerskap.commitments.idempotency.IdempotencyKeyReused;
import no.partnerskap.commitments.shared.NotFound;
import no.partnerskap.commitments.shared.NotPermitted;
import no.partnerskap.commitments.shared.RuleViolation;
import no.partnerskap.security.DatabaseOutage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as an RFC 9457 problem document. Rule violations name their rule in
 * {@code rule} and in the {@code type} URI; validation failures list each field.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed request", "The body is not valid JSON "
                + "for this request.");
        if (ex.getCause() instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = mapping instanceof UnrecognizedPropertyException ? "unknown field"
                    : mapping instanceof InvalidFormatException format
                    ? "cannot read " + format.getValue() + " as " + format.getTargetType().getSimpleName()
                    : "wrong type or shape";
            problem.setDetail("Field '" + field + "': " + message + ".");
            problem.setProperty("errors", List.of(new FieldError(field, message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            ResponseEntity<ProblemDetail> answer = known(t);
            if (answer != null) {
                return answer;
            }
        }
        log.error("Unexpected failure", exception);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; nothing was written."));
    }

    private ResponseEntity<ProblemDetail> known(Throwable t) {
        if (t instanceof NotFound e) {
            return rule(HttpStatus.NOT_FOUND, "Not found", e);
        }
        if (t instanceof NotPermitted e) {
            return rule(HttpStatus.FORBIDDEN, "Forbidden", e);
        }
        if (t instanceof RuleViolation e) {
            return rule(HttpStatus.CONFLICT, "Refused by a rule", e);
        }
        if (t instanceof Forbidden e) {
            return status(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
        }
        if (t instanceof BadHeader e) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid header", e.getMessage());
            problem.setProperty("errors", List.of(new FieldError(e.header(), e.getMessage())));
            return ResponseEntity.badRequest().body(problem);
        }
        if (t instanceof AggregateNotFoundException) {
            return status(HttpStatus.NOT_FOUND, "Not found", "No such resource.");
        }
        if (t instanceof ConflictingAggregateVersionException e) {
            return status(HttpStatus.PRECONDITION_FAILED, "Stale version",
                    "If-Match names version " + e.getExpectedVersion() + " but the resource is at version "
                            + e.getActualVersion() + ". Read it again and retry.");
        }
        if (t instanceof ConcurrencyException) {
            return status(HttpStatus.CONFLICT, "Concurrent modification",
                    "Someone else changed this resource at the same moment; retry.");
        }
        if (t instanceof IdempotencyKeyReused e) {
            return status(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e.getMessage());
        }
        if (DatabaseOutage.isOutage(t)) {
            return DatabaseOutage.answer("nothing was written.");
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> rule(HttpStatus status, String title, RuleViolation violation) {
        ProblemDetail problem = problem(status, title, violation.getMessage());
        problem.setType(URI.create("urn:partnerships:rule:" + violation.rule()));
        problem.setProperty("rule", violation.rule());
        return ResponseEntity.status(status).body(problem);
    }

    private static ResponseEntity<ProblemDetail> status(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(problem(status, title, detail));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

}
