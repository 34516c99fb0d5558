package io.srecopilot.ingest.service;

import io.srecopilot.ingest.correlation.GroupTarget;
import java.util.List;
import java.util.Map;

/**
 * Signals that arrived together, whatever sent them: an Alertmanager notification, or an event.
 * {@code target} is the group the sender put them in; correlation rules may place some elsewhere.
 * {@code truncatedAlerts} counts members the sender left out.
 */
public record SignalBatch(String source, GroupTarget target, String receiver, Map<String, String> commonLabels,
        Map<String, String> commonAnnotations, String externalUrl, int truncatedAlerts,
        List<NormalizedSignal> signals) {

    public String groupKey() {
        return target.groupKey();
    }

    /** The part of this batch that goes to a group; a rule's group has the rule's keys as common labels. */
    public SignalBatch regrouped(GroupTarget otherTarget, List<NormalizedSignal> members) {
        boolean sendersGroup = otherTarget.equals(target);
        return new SignalBatch(source, otherTarget, receiver, sendersGroup ? commonLabels : otherTarget.link().keys(),
                sendersGroup ? commonAnnotations : Map.of(), externalUrl, sendersGroup ? truncatedAlerts : 0, members);
    }
}
