package io.srecopilot.ai.reasoning;

import io.srecopilot.platform.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The confidence of a hypothesis: a weighted sum of five factors that each explain themselves.
 * Same inputs, same score; the weights add up to 1.
 */
final class ConfidenceModel {

    static final double SEVERITY = 0.30;
    static final double CORROBORATION = 0.25;
    static final double FOCUS = 0.20;
    static final double SPECIFICITY = 0.15;
    static final double ONSET = 0.10;

    /** Signals that make corroboration complete; fewer count proportionally. */
    private static final int CORROBORATING_SIGNALS = 3;
    /** Minutes after the first alert at which the onset factor has halved. */
    private static final double ONSET_HALF_MINUTES = 5.0;

    private ConfidenceModel() {
    }

    static List<Factor> factors(List<SignalFact> supporting, List<SignalFact> all, Category category, Instant firstOnset) {
        Severity worst = supporting.stream().map(SignalFact::severity).min(Comparator.naturalOrder()).orElse(Severity.INFO);
        long onService = all.stream().filter(signal -> sameService(signal, supporting.get(0))).count();
        Instant earliest = supporting.stream().map(SignalFact::startsAt).min(Comparator.naturalOrder()).orElse(firstOnset);
        double minutesLate = Math.max(0, Duration.between(firstOnset, earliest).toSeconds() / 60.0);
        return List.of(
                new Factor("severity", severityScore(worst), SEVERITY, "worst supporting alert is " + worst.value()),
                new Factor("corroboration", Math.min(1.0, supporting.size() / (double) CORROBORATING_SIGNALS),
                        CORROBORATION, supporting.size() + " alert(s) agree"),
                new Factor("focus", onService / (double) all.size(), FOCUS,
                        onService + " of " + all.size() + " alerts are on this service"),
                new Factor("specificity", category.isKnown() ? 1.0 : 0.3, SPECIFICITY,
                        category.isKnown() ? "alerts point to " + category.symptom()
                                : "alert names do not say what kind of problem"),
                new Factor("onset", 1.0 / (1.0 + minutesLate / ONSET_HALF_MINUTES), ONSET,
                        minutesLate == 0 ? "fired first" : String.format(Locale.ROOT, "fired %.1f min after the first alert",
                                minutesLate)));
    }

    static double confidence(List<Factor> factors) {
        double sum = factors.stream().mapToDouble(Factor::contribution).sum();
        return Math.round(Math.min(1.0, sum) * 1000) / 1000.0;
    }

    private static double severityScore(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 1.0;
            case HIGH -> 0.75;
            case MEDIUM -> 0.5;
            case LOW -> 0.35;
            case INFO -> 0.2;
        };
    }

    private static boolean sameService(SignalFact a, SignalFact b) {
        return a.service() == null ? b.service() == null : a.service().equals(b.service());
    }
}
