package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.precedent.PrecedentMatch;
import io.srecopilot.platform.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The confidence of a hypothesis: a weighted sum of five factors that each explain themselves —
 * signal strength, temporal correlation, precedent frequency, evidence quality and human
 * validation, weighted as the project set ({@link ConfidenceWeights}, 0.25/0.20/0.20/0.20/0.15 by
 * default). Same inputs, same score; the weights add up to 1.
 */
final class ConfidenceModel {

    /** Alerts, or departed series, that make corroboration complete; fewer count proportionally. */
    private static final int CORROBORATING = 3;
    /** Minutes after the first alert at which alert timing has halved. */
    private static final double ONSET_HALF_MINUTES = 5.0;
    private static final double LAG_HALF_SECONDS = 120.0;
    /** Timing of a service with series none of which departed: neither first nor a follower. */
    private static final double NOT_DEPARTED = 0.25;

    private ConfidenceModel() {
    }

    static List<Factor> factors(CandidateEvidence evidence, ConfidenceWeights weights) {
        return List.of(signalStrength(evidence, weights.signalStrength()),
                temporalCorrelation(evidence, weights.temporalCorrelation()),
                precedentFrequency(evidence, weights.precedentFrequency()),
                evidenceQuality(evidence, weights.evidenceQuality()),
                humanValidation(evidence, weights.humanValidation()));
    }

    /** Not rounded: hypotheses are ordered by it, and stored to three decimals. */
    static double confidence(List<Factor> factors) {
        double sum = factors.stream().mapToDouble(Factor::contribution).sum();
        return Math.max(0, Math.min(1.0, sum));
    }

    /**
     * With series of the service: its share of the metric evidence, which says how much more it
     * departed than every other service in scope, and is low for the service an alert named when
     * the metrics point elsewhere. Without: the worst supporting alert's severity.
     */
    private static Factor signalStrength(CandidateEvidence evidence, double weight) {
        if (evidence.ranked()) {
            return new Factor("signal_strength", evidence.metricShare(), weight, String.format(Locale.ROOT,
                    "%.0f %% of the metric evidence points at it (ranked %d)", 100 * evidence.metricShare(),
                    evidence.suspicion().rank()));
        }
        Severity worst = evidence.supporting().stream().map(SignalFact::severity).min(Comparator.naturalOrder())
                .orElse(Severity.INFO);
        return new Factor("signal_strength", severityScore(worst), weight, evidence.supporting().isEmpty()
                ? "no alert and no series of it" : "worst supporting alert is " + worst.value());
    }

    /** Causes come first: the service's metrics departing before others', else its alerts firing first. */
    private static Factor temporalCorrelation(CandidateEvidence evidence, double weight) {
        if (evidence.metricsDeparted()) {
            long lag = evidence.suspicion().lagSeconds();
            return new Factor("temporal_correlation", 0.5 + 0.5 / (1 + lag / LAG_HALF_SECONDS), weight,
                    lag == 0 ? "its metrics departed first of all services"
                            : String.format(Locale.ROOT, "its metrics departed %.1f min after the first service's",
                                    lag / 60.0));
        }
        if (evidence.ranked()) {
            return new Factor("temporal_correlation", NOT_DEPARTED, weight, "none of its series departed for long");
        }
        if (evidence.supporting().isEmpty()) {
            return new Factor("temporal_correlation", 0, weight, "nothing tells when it began");
        }
        Instant earliest = evidence.supporting().stream().map(SignalFact::startsAt).min(Comparator.naturalOrder())
                .orElse(evidence.firstOnset());
        double minutesLate = Math.max(0, Duration.between(evidence.firstOnset(), earliest).toSeconds() / 60.0);
        return new Factor("temporal_correlation", 1.0 / (1.0 + minutesLate / ONSET_HALF_MINUTES), weight,
                minutesLate == 0 ? "its alerts fired first"
                        : String.format(Locale.ROOT, "its alerts fired %.1f min after the first alert", minutesLate));
    }

    /** Learned incidents like this one: each adds what the others leave unexplained. */
    private static Factor precedentFrequency(CandidateEvidence evidence, double weight) {
        if (evidence.precedents().isEmpty()) {
            return new Factor("precedent_frequency", 0, weight, "no learned incident like this one");
        }
        double unexplained = 1;
        for (PrecedentMatch match : evidence.precedents()) {
            unexplained *= 1 - match.similarity();
        }
        return new Factor("precedent_frequency", 1 - unexplained, weight, "like " + evidence.precedents()
                .stream().map(match -> String.format(Locale.ROOT, "%s (%.2f)", match.reference(), match.similarity()))
                .collect(Collectors.joining(", ")));
    }

    /**
     * Four checks, equally weighted: corroboration (three alerts, or three series, that agree),
     * specificity (the kind of problem is known), focus (the share of the incident's alerts on this
     * service, or for a cause found in the metrics alone the share of its series that departed), and
     * a metric of the service that departed.
     */
    private static Factor evidenceQuality(CandidateEvidence evidence, double weight) {
        int departed = evidence.suspicion() == null ? 0 : evidence.suspicion().departedSeries();
        int agreeing = Math.max(evidence.supporting().size(), departed);
        double corroboration = Math.min(1.0, agreeing / (double) CORROBORATING);
        double specificity = evidence.category().isKnown() ? 1.0 : 0.3;
        String focusReason;
        double focus;
        if (!evidence.supporting().isEmpty()) {
            long onService = evidence.all().stream()
                    .filter(signal -> sameService(signal, evidence.supporting().get(0))).count();
            focus = onService / (double) evidence.all().size();
            focusReason = onService + " of " + evidence.all().size() + " alerts are on this service";
        } else {
            int series = evidence.suspicion() == null ? 0 : evidence.suspicion().series();
            focus = series == 0 ? 0 : departed / (double) series;
            focusReason = departed + " of its " + series + " series departed";
        }
        double metric = evidence.metricsDeparted() ? 1.0 : 0.0;
        String reason = evidence.supporting().size() + " alert(s) and " + departed + " departed series agree; "
                + (evidence.category().isKnown() ? "they say it is " + evidence.category().symptom()
                        : "they do not say what kind of problem")
                + "; " + focusReason + "; "
                + (evidence.metricsDeparted() ? "a metric of the service departed" : "no metric of the service departed");
        return new Factor("evidence_quality", (corroboration + specificity + focus + metric) / 4, weight, reason);
    }

    /** People's verdicts on this kind of hypothesis; with none, neither for nor against (0.5). */
    private static Factor humanValidation(CandidateEvidence evidence, double weight) {
        Verdicts verdicts = evidence.verdicts();
        if (verdicts.none()) {
            return new Factor("human_validation", 0.5, weight, "no one has judged a hypothesis like this yet");
        }
        double score = (verdicts.accepted() + 1.0) / (verdicts.accepted() + verdicts.rejected() + 2.0);
        return new Factor("human_validation", score, weight, verdicts.accepted() + " accepted and "
                + verdicts.rejected() + " rejected hypotheses like this");
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
