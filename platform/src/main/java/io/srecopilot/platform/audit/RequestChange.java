package io.srecopilot.platform.audit;

import jakarta.enterprise.context.RequestScoped;

/** The before-state one request recorded through {@link ChangeRecorder}. */
@RequestScoped
public class RequestChange {

    private Object before;
    private boolean recorded;

    void before(Object view) {
        if (!recorded) {
            before = view;
            recorded = true;
        }
    }

    boolean recorded() {
        return recorded;
    }

    Object before() {
        return before;
    }
}
