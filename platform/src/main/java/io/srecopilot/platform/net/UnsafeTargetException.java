package io.srecopilot.platform.net;

/** A target the SSRF rules forbid; a request to it fails at once and is not worth retrying. */
public class UnsafeTargetException extends RuntimeException {

    public UnsafeTargetException(String message) {
        super(message, null, false, false);
    }
}
