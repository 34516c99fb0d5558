package io.srecopilot.incidents.notification;

import io.srecopilot.platform.net.UnsafeTargetException;

/** A channel refused or could not take a message; {@code retryable} says whether trying later may help. */
public class DeliveryFailure extends RuntimeException {

    private final boolean retryable;
    private final Integer status;

    public DeliveryFailure(String message, boolean retryable, Integer status) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.status = status;
    }

    public boolean retryable() {
        return retryable;
    }

    public Integer status() {
        return status;
    }

    /** Network errors and timeouts are worth retrying; forbidden targets never are. */
    static DeliveryFailure of(Throwable failure) {
        if (failure instanceof DeliveryFailure known) {
            return known;
        }
        if (failure instanceof UnsafeTargetException) {
            return new DeliveryFailure(failure.getMessage(), false, null);
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new DeliveryFailure(message, true, null);
    }

    static DeliveryFailure of(HttpPoster.Answer answer) {
        return new DeliveryFailure("HTTP " + answer.status() + (answer.body().isBlank() ? "" : ": " + answer.body()),
                answer.isWorthRetrying(), answer.status());
    }
}
