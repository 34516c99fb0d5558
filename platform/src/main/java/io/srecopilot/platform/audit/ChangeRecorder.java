package io.srecopilot.platform.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Lets a service tell the audit trail what an object looked like before a request changed or
 * deleted it; {@link RequestAuditFilter} pairs that with the response (the object after) and records
 * the difference. Creates need nothing: a 201's body is the object after. Outside a request (an
 * event handler, a scheduled job) there is no request record, and a call does nothing.
 */
@ApplicationScoped
public class ChangeRecorder {

    private final Instance<RequestChange> change;

    public ChangeRecorder(Instance<RequestChange> change) {
        this.change = change;
    }

    /**
     * The object's view as the API shows it, before the change; null when the request creates it
     * (a write that answers 200 rather than 201). The first call of a request counts.
     */
    public void before(Object view) {
        if (Arc.container().requestContext().isActive()) {
            change.get().before(view);
        }
    }

    /** What was recorded for this request, if anything. */
    RequestChange current() {
        return Arc.container().requestContext().isActive() ? change.get() : null;
    }
}
