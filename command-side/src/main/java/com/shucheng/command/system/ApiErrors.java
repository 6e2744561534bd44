package com.shucheng.command.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns failures into {@code application/problem+json}: a stable {@code code}
 * for machines, a {@code detail} for people, and {@code errors: [{field, message}]} for bad fields.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** Codes that are not conflicts; every other {@link DomainException} is a 409. */
    private static final Map<String, HttpStatus> STATUS_BY_CODE = Map.of(
            "INVALID_ISBN", HttpStatus.BAD_REQUEST,
            "VALIDATION_FAILED", HttpStatus.BAD_REQUEST,
            "TOO_MANY_COPIES", HttpStatus.BAD_REQUEST,
            "TOO_MUCH_STOCK", HttpStatus.BAD_REQUEST,
            "BOOK_NOT_FOUND", HttpStatus.NOT_FOUND);

    /** Field constraints whose failure has a code of its own when it is the only kind of failure. */
    private static final Map<String, String> CODE_BY_CONSTRAINT = Map.of(
            "ValidIsbn", "INVALID_ISBN",
            "ValidCategory", "INVALID_CATEGORY",
            "ValidAuthors", "INVALID_AUTHOR");

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domainRuleBroken(DomainException e) {
        HttpStatus status = STATUS_BY_CODE.getOrDefault(e.code(), HttpStatus.CONFLICT);
        ProblemDetail problem = problem(status, e.code(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        return answer(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentWrite(ConcurrencyException e) {
        return answer(problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "someone else changed this at the same moment; read it again and retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "the request could not be completed; nothing was stored"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> fieldErrors = e.getBindingResult().getFieldErrors();
        List<FieldProblem> errors = fieldErrors.stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        List<String> codes = fieldErrors.stream()
                .map(error -> CODE_BY_CONSTRAINT.getOrDefault(error.getCode(), "VALIDATION_FAILED"))
                .distinct()
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, codes.size() == 1 ? codes.get(0) : "VALIDATION_FAILED",
                "the request has invalid fields");
        problem.setProperty("errors", errors);
        return answer(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimit.BodyTooLarge tooLarge) {
                return answer(problem(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", tooLarge.getMessage()));
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String field = fieldPath(unknown.getPath());
                ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD",
                        "field '" + field + "' is not part of this request");
                problem.setProperty("errors", List.of(new FieldProblem(field, "unknown field")));
                return answer(problem);
            }
            // Wrong types, and numbers too large for their field, carry the path of the field.
            if (cause instanceof JacksonException mismatch && !mismatch.getPath().isEmpty()) {
                String field = fieldPath(mismatch.getPath());
                ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_FIELD_TYPE",
                        "field '" + field + "' has the wrong type or format");
                problem.setProperty("errors", List.of(new FieldProblem(field, "wrong type or format")));
                return answer(problem);
            }
        }
        return answer(problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "the request body is missing or is not valid JSON"));
    }

    /** A path or query parameter of the wrong type, such as a book id that is not a UUID. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "'" + field + "' has the wrong type or format");
        problem.setProperty("errors", List.of(new FieldProblem(field, "wrong type or format")));
        return answer(problem);
    }

    /** Every other Spring MVC failure (405, 406, 415, 404 …) keeps its status and gains a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setProperty("code", known != null ? known.name() : "HTTP_" + status.value());
        }
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static String bodyTooLargeJson(long maxBytes) {
        return """
                {"type":"about:blank","title":"Content Too Large","status":413,\
                "detail":"request body exceeds %d bytes","code":"BODY_TOO_LARGE"}""".formatted(maxBytes);
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", code);
        return problem;
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
