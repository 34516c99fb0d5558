package io.srecopilot.platform.events;

/** An event that can never be processed, however often it is retried. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
