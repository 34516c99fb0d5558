package io.srecopilot.incidents.service;

import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.platform.problem.ProblemException;
import java.util.stream.Collectors;

/** Refuses, with a 409 that says what is possible, every move the state machine does not allow. */
final class TransitionPolicy {

    private TransitionPolicy() {
    }

    static void check(Incident incident, IncidentState target) {
        if (!incident.state.canMoveTo(target)) {
            String allowed = incident.state.next().isEmpty() ? "nothing"
                    : incident.state.next().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            throw ProblemException.conflict(incident.reference() + " is " + incident.state
                    + " and cannot move to " + target + "; it can move to " + allowed);
        }
    }
}
