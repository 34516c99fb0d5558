package io.srecopilot.ai.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the call graph explains of each peer-compared departure. A departure of a kind that travels
 * from callees (latency, errors, lost success) is explained, in part, by a callee that departed no
 * later (within one step of the series): by the share {@code min(its strength, the callee's) / its
 * strength}, in robust σ, so a caller far louder than any callee keeps part of its evidence (all of it
 * is explained by a saturated callee, see {@link #explains}). Lost traffic is explained entirely by a
 * caller that departed no later. A caller that stops calling its callees shows in their
 * traffic sooner than in its own metrics, so the explained part of each callee's drop is the caller's
 * evidence ({@link Credit}), split among the callee's callers.
 */
final class Explanations {

    private Explanations() {
    }

    /** Each evidence with what the graph leaves of it, and the credit callers earn. */
    record Result(Map<String, List<MetricEvidence>> byService, List<Credit> credits) {
    }

    /** Evidence a caller earns from a callee's lost traffic: {@code score} (peer-compared), from {@code callee}. */
    record Credit(String caller, String callee, double score) {
    }

    static Result of(Map<String, List<MetricEvidence>> byService, CallGraph graph, double threshold) {
        List<Credit> credits = new ArrayList<>();
        Map<String, List<MetricEvidence>> explained = new java.util.LinkedHashMap<>();
        byService.forEach((service, evidence) -> {
            List<MetricEvidence> left = new ArrayList<>();
            for (MetricEvidence one : evidence) {
                Set<String> neighbours = one.kind().travelsFromCallees() ? graph.calleesOf(service)
                        : one.kind().travelsFromCallers() ? graph.callersOf(service) : Set.of();
                Explainer explainer = explainer(one, neighbours, byService, threshold);
                if (explainer == null) {
                    left.add(one);
                    continue;
                }
                MetricEvidence rest = one.explained(explainer.service(),
                        Math.min(one.strength(), explainer.strength()) / one.strength());
                left.add(rest);
                if (one.kind().travelsFromCallers()) {
                    Set<String> callers = graph.callersOf(service);
                    callers.forEach(caller -> credits.add(new Credit(caller, service,
                            (one.peerScore() - rest.remaining()) / callers.size())));
                }
            }
            explained.put(service, left);
        });
        return new Result(explained, credits);
    }

    /** The neighbour that departed most strongly no later than {@code evidence}; null when none did. */
    private static Explainer explainer(MetricEvidence evidence, Set<String> neighbours,
            Map<String, List<MetricEvidence>> byService, double threshold) {
        if (!evidence.departed() || evidence.strength() <= 0) {
            return null;
        }
        Instant latest = evidence.onset().plusSeconds((long) evidence.departure().stepSeconds());
        Explainer strongest = null;
        for (String neighbour : neighbours) {
            for (MetricEvidence theirs : byService.getOrDefault(neighbour, List.of())) {
                if (!theirs.departed() || theirs.strength() < threshold || theirs.onset().isAfter(latest)) {
                    continue;
                }
                double explained = explains(evidence, theirs);
                if (strongest == null || explained > strongest.strength()) {
                    strongest = new Explainer(neighbour, explained);
                }
            }
        }
        return strongest;
    }

    /**
     * How much of a departure a neighbour's departure can explain: as much as it departed, in
     * robust σ; or all of it when the size of one says nothing of the other's. A saturated callee
     * queues, and queueing makes a caller wait however much longer; a caller that fails early stops
     * sending its callees however much of their traffic, whatever its own metrics show.
     */
    private static double explains(MetricEvidence departure, MetricEvidence theirs) {
        return theirs.kind() == MetricKind.SATURATION || departure.kind().travelsFromCallers() ? Double.POSITIVE_INFINITY
                : theirs.strength();
    }

    private record Explainer(String service, double strength) {
    }
}
