package io.srecopilot.incidents.notification;

/** A target the SSRF rules forbid; a delivery to it fails at once and is not retried. */
public class UnsafeTargetException extends RuntimeException {

    public UnsafeTargetException(String message) {
        super(message, null, false, false);
    }
}
