package io.srecopilot.audit;

/** Whether an audited action succeeded: failures are the event types that say so. */
final class Outcome {

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private Outcome() {
    }

    static String of(String eventType) {
        return eventType.endsWith("_failed") || eventType.endsWith(".failed") ? FAILURE : SUCCESS;
    }
}
