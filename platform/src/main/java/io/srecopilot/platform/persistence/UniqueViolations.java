package io.srecopilot.platform.persistence;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises a write refused by a unique key, so it can be answered 409 rather than 500. */
public final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && (violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                            || UNIQUE_VIOLATION.equals(violation.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
