package io.srecopilot.ingest.correlation;

import io.srecopilot.ingest.service.NormalizedSignal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits signals that arrived together by the group each belongs in: the first enabled rule
 * (lowest priority number, then name) whose labels the signal carries decides; a signal no rule matches
 * stays in the sender's group.
 */
public final class SignalGrouping {

    private SignalGrouping() {
    }

    /** Targets in key order, so concurrent requests lock shared groups in the same order. */
    public static Map<GroupTarget, List<NormalizedSignal>> partition(List<ActiveRule> rules,
            GroupTarget senderGroup, List<NormalizedSignal> signals) {
        Map<GroupTarget, List<NormalizedSignal>> byTarget = new LinkedHashMap<>();
        for (NormalizedSignal signal : signals) {
            byTarget.computeIfAbsent(targetOf(rules, senderGroup, signal), target -> new ArrayList<>()).add(signal);
        }
        Map<String, GroupTarget> ordered = new TreeMap<>();
        byTarget.keySet().forEach(target -> ordered.put(target.groupKey(), target));
        Map<GroupTarget, List<NormalizedSignal>> result = new LinkedHashMap<>();
        ordered.values().forEach(target -> result.put(target, byTarget.get(target)));
        return result;
    }

    private static GroupTarget targetOf(List<ActiveRule> rules, GroupTarget senderGroup, NormalizedSignal signal) {
        for (ActiveRule rule : rules) {
            if (signal.labels().keySet().containsAll(rule.labelNames())) {
                Map<String, String> keys = new TreeMap<>();
                rule.labelNames().forEach(name -> keys.put(name, signal.labels().get(name)));
                return GroupTarget.ofRule(rule, keys);
            }
        }
        return senderGroup;
    }
}
