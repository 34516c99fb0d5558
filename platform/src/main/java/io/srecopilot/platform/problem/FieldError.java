package io.srecopilot.platform.problem;

/** One invalid field of a request: {@code field} is its JSON path, e.g. {@code alerts[0].labels}. */
public record FieldError(String field, String message) {
}
