package io.srecopilot.incidents.notification;

/** How one attempt went: delivered (with the channel's status), or failed and whether to retry. */
record DeliveryOutcome(boolean delivered, Integer status, String error, boolean retryable) {

    static DeliveryOutcome delivered(int status) {
        return new DeliveryOutcome(true, status, null, false);
    }

    static DeliveryOutcome failed(Throwable failure) {
        DeliveryFailure known = DeliveryFailure.of(failure);
        return new DeliveryOutcome(false, known.status(), known.getMessage(), known.retryable());
    }

    static DeliveryOutcome refused(String reason) {
        return new DeliveryOutcome(false, null, reason, false);
    }
}
