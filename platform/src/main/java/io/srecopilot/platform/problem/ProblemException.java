package io.srecopilot.platform.problem;

import java.time.Duration;
import java.util.List;

/**
 * A failure the caller should see as a specific problem. Services throw it (or fail a Uni with
 * it); {@link ProblemMappers} renders it. A missing or foreign object is always
 * {@link #notFound}: another tenant's data is never acknowledged to exist.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    private ProblemException(ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException notFound(String resourceType, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + resourceType + " " + id + " in this project");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** A 412: the caller's {@code If-Match} names a version that is no longer current. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The field " + field + " is not valid",
                List.of(new FieldError(field, message)));
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail, List.of(), Duration.ofSeconds(5));
    }

    /** A 429: the caller may try again after {@code retryAfter}, which the response's Retry-After says. */
    public static ProblemException rateLimited(String detail, Duration retryAfter) {
        return new ProblemException(ProblemType.RATE_LIMITED, detail, List.of(), retryAfter);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** When to try again, for 429 and 503; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
