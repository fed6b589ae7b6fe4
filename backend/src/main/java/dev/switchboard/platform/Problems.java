package dev.switchboard.platform;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the REST API's {@link ProblemDetail}s with stable {@code type} URIs. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:switchboard:problem:";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
