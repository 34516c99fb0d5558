package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.ranking.SeriesDeparture;
import io.srecopilot.ai.ranking.ServiceSuspicion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the metrics say of a service, in a sentence a person can check: which series departed, how
 * far and which way, from when, how that compares with its neighbours in the call graph, what
 * explains part of it, and the change near it.
 */
final class MetricWords {

    private MetricWords() {
    }

    static String explain(ServiceSuspicion suspicion) {
        SeriesDeparture evidence = suspicion.evidence();
        List<String> parts = new ArrayList<>();
        if (suspicion.anomalous() && evidence != null && evidence.departed()) {
            parts.add(String.format(Locale.ROOT, "%s %s from %s to %s (%.1f robust σ, %d normal points) from %s",
                    evidence.metric(), evidence.direction() > 0 ? "rose" : "fell", number(evidence.normal()),
                    number(evidence.observed()), evidence.strength(), evidence.normalPoints(), evidence.onset()));
            parts.add(String.format(Locale.ROOT, "%d of its %d series departed", suspicion.departedSeries(),
                    suspicion.series()));
            parts.add(suspicion.lagSeconds() == 0 ? "the first service to depart"
                    : String.format(Locale.ROOT, "%.1f min after the first service", suspicion.lagSeconds() / 60.0));
        } else if (evidence != null && Double.isFinite(evidence.strength())) {
            parts.add(String.format(Locale.ROOT, "no lasting departure (strongest: %s at %.1f σ)", evidence.metric(),
                    evidence.strength()));
        } else {
            parts.add("no series of it could be judged");
        }
        if (!suspicion.neighbours().isEmpty()) {
            parts.add(suspicion.neighbours().stream().map(MetricWords::neighbour).collect(Collectors.joining(", ")));
        }
        if (suspicion.explainedBy() != null) {
            parts.add(String.format(Locale.ROOT, "%.0f %% of it explained by %s, which departed no later",
                    100 * suspicion.explainedShare(), suspicion.explainedBy()));
        }
        if (!suspicion.silencedCallees().isEmpty()) {
            parts.add("its callees " + String.join(", ", suspicion.silencedCallees()) + " lost traffic");
        }
        if (suspicion.change() != null) {
            parts.add("changed at " + suspicion.change().at() + " (" + suspicion.change().description() + ")");
        }
        return String.join("; ", parts);
    }

    private static String neighbour(ServiceSuspicion.Neighbour neighbour) {
        long lag = neighbour.lagSeconds();
        String when = lag == 0 ? "with its " : lag > 0 ? String.format(Locale.ROOT, "%.0f s before its ", lag / 1.0)
                : String.format(Locale.ROOT, "%.0f s after its ", -lag / 1.0);
        return "departed " + when + neighbour.relation() + " " + neighbour.service();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 || value == Math.rint(value) ? "%.0f" : "%.3g", value);
    }
}
