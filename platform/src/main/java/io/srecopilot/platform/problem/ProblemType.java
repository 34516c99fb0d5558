package io.srecopilot.platform.problem;

import java.util.Arrays;

/**
 * The problems the API answers with. Clients branch on {@link #uri()}, which never changes;
 * titles are for people.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "The request is not valid"),
    MALFORMED_BODY("malformed-body", 400, "The request body cannot be read"),
    UNAUTHORIZED("unauthorized", 401, "Authentication is required"),
    FORBIDDEN("forbidden", 403, "Your role does not allow this"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    CONFLICT("conflict", 409, "Conflict with the current state"),
    PRECONDITION_FAILED("precondition-failed", 412, "The resource changed since you read it"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", 422, "The request cannot be processed"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "Temporarily unavailable, retry later");

    private static final String URI_PREFIX = "urn:sre-copilot:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return URI_PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type for an HTTP status that no specific problem explains. */
    public static ProblemType forStatus(int status) {
        return Arrays.stream(values())
                .filter(type -> type.status == status)
                .findFirst()
                .orElse(status >= 500 ? INTERNAL : VALIDATION);
    }
}
