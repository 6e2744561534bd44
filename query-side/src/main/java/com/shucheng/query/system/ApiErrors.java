package com.shucheng.query.system;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Failures as {@code application/problem+json} with a stable {@code code}; never a stack trace. */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e) {
        return answer(problem(HttpStatus.NOT_FOUND, e.code(), e.getMessage()));
    }

    @ExceptionHandler(BadQuery.class)
    ResponseEntity<Object> badQuery(BadQuery e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(e.parameter(), e.getMessage())));
        return answer(problem);
    }

    /** Retrying is right: the projection is moving, only slower than the caller's write. */
    @ExceptionHandler(ReadModelBehind.class)
    ResponseEntity<Object> readModelBehind(ReadModelBehind e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "READ_MODEL_BEHIND", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> wrongType(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "'" + e.getName() + "' has the wrong type or format");
        problem.setProperty("errors", List.of(new FieldProblem(e.getName(), "wrong type or format")));
        return answer(problem);
    }

    /** Until search can fall back to PostgreSQL, an unreachable or failing cluster is a 503. */
    @ExceptionHandler({ElasticsearchException.class, IOException.class})
    ResponseEntity<Object> searchUnavailable(Exception e) {
        log.warn("search backend failed: {}", e.toString());
        return answer(problem(HttpStatus.SERVICE_UNAVAILABLE, "SEARCH_UNAVAILABLE",
                "search is unavailable right now; try again shortly"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the request could not be answered"));
    }

    /** Every Spring MVC failure (400, 404, 405, 406 …) keeps its status and gains a code. */
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
