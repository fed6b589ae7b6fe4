package dev.switchboard.platform;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure of the REST API ({@code /api/**}) to a {@link ProblemDetail}: field errors as a
 * list of {@code {field, message}}, domain errors by their kind, and anything unexpected as a 500 that
 * says no more than it must.
 */
@RestControllerAdvice(basePackages = "dev.switchboard")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    record FieldProblem(String field, String message) {}

    @ExceptionHandler(SwitchboardException.class)
    ProblemDetail domain(SwitchboardException e) {
        return switch (e) {
            case SwitchboardException.NotFound nf ->
                Problems.of(HttpStatus.NOT_FOUND, nf.problemType(), nf.getMessage());
            case SwitchboardException.Conflict c -> Problems.of(HttpStatus.CONFLICT, c.problemType(), c.getMessage());
            case SwitchboardException.InvalidInput in ->
                invalid(in.field() + ": " + in.getMessage(), List.of(new FieldProblem(in.field(), in.getMessage())));
            case SwitchboardException.TooManyRequests t ->
                Problems.of(HttpStatus.TOO_MANY_REQUESTS, t.problemType(), t.getMessage());
        };
    }

    @ExceptionHandler(SwitchboardException.TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooManyRequests(SwitchboardException.TooManyRequests e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(domain(e));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "your roles do not allow this action");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid " + e.getName();
        return invalid(message, List.of(new FieldProblem(e.getName(), message)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        String detail = fields.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("the request is not valid");
        return ResponseEntity.badRequest().body(invalid(detail, fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a domain rule broken while the body was being read (e.g. an unknown role code)
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof SwitchboardException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SwitchboardException domain) {
            return ResponseEntity.badRequest().body(domain(domain));
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "unreadable-body",
                        "the request body is not valid JSON for this endpoint"));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure on the REST API", e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an unexpected error occurred; it has been logged");
    }

    private static ProblemDetail invalid(String detail, List<FieldProblem> fields) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", detail);
        problem.setProperties(Map.of("errors", fields));
        return problem;
    }
}
