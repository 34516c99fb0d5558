package io.srecopilot.platform.rest;

import io.srecopilot.platform.problem.FieldError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads instants from query parameters, collecting a field error for each that is not ISO-8601. */
public final class QueryInstants {

    private QueryInstants() {
    }

    /** @return the instant, {@code fallback} when the parameter is absent, or null after adding an error */
    public static Instant parse(String field, String value, Instant fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-23T06:00:00Z"));
            return null;
        }
    }
}
