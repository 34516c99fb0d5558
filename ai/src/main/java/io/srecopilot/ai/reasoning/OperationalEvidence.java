package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.context.OperationalContext;
import io.srecopilot.ai.ranking.RootCauseRanker;
import io.srecopilot.ai.ranking.SeriesSummary;
import io.srecopilot.ai.ranking.ServiceChange;
import io.srecopilot.ai.ranking.ServiceSuspicion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the metrics and changes around an incident say: services ranked by {@link RootCauseRanker},
 * the evidence each service's hypotheses can cite, and which of these sources were missing.
 */
final class OperationalEvidence {

    static final double SHARE_TEMPERATURE = 4.0;

    private final OperationalContext context;
    private final Instant incidentStart;
    private final List<ServiceSuspicion> suspicions;
    private final List<SeriesSummary> summaries;
    private final Map<String, ServiceSuspicion> byService;
    private final Map<String, Double> shares;
    private final Map<String, String> reasons;

    private OperationalEvidence(OperationalContext context, Instant incidentStart, RootCauseRanker.Judgement judged) {
        this.context = context;
        this.incidentStart = incidentStart;
        this.suspicions = judged.suspicions();
        this.summaries = judged.summaries();
        this.byService = suspicions.stream().collect(Collectors.toMap(ServiceSuspicion::service, Function.identity()));
        this.shares = shares(suspicions);
        this.reasons = suspicions.stream().collect(Collectors.toMap(ServiceSuspicion::service, MetricWords::explain));
    }

    /** {@code context} null: nobody asked ingest, as in analyses of incidents without a start. */
    static OperationalEvidence of(OperationalContext context, Instant incidentStart) {
        if (context == null || incidentStart == null) {
            return new OperationalEvidence(null, incidentStart, new RootCauseRanker.Judgement(List.of(), List.of()));
        }
        return new OperationalEvidence(context, incidentStart,
                new RootCauseRanker().judge(incidentStart, context.series(), context.graph(), context.changes()));
    }

    /** Every series as the ranking judged it: baseline and departure. */
    List<SeriesSummary> seriesSummaries() {
        return summaries;
    }

    /** What the metrics say of a service; null without metrics of it. */
    ServiceSuspicion suspicionOf(String service) {
        return service == null ? null : byService.get(service);
    }

    boolean hasMetrics() {
        return !suspicions.isEmpty();
    }

    /**
     * How much of the metric evidence points at a service: a softmax over the ranking's scores, with
     * a temperature of {@value #SHARE_TEMPERATURE} robust σ (how far a service must stand out for its
     * share to grow e-fold); null when the analysis had no metrics, 0 for a service without series.
     */
    Double shareOf(String service) {
        return hasMetrics() ? shares.getOrDefault(service, 0.0) : null;
    }

    private static Map<String, Double> shares(List<ServiceSuspicion> suspicions) {
        double top = suspicions.stream().mapToDouble(ServiceSuspicion::score).filter(Double::isFinite).max().orElse(0);
        Map<String, Double> weights = new java.util.HashMap<>();
        for (ServiceSuspicion suspicion : suspicions) {
            weights.put(suspicion.service(), Double.isFinite(suspicion.score())
                    ? Math.exp((suspicion.score() - top) / SHARE_TEMPERATURE) : 0);
        }
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        weights.replaceAll((service, weight) -> total == 0 ? 0 : weight / total);
        return weights;
    }

    /** What the metrics say of a ranked service, in a sentence ({@link MetricWords}). */
    String reasonOf(String service) {
        return reasons.get(service);
    }

    List<Reasoning.RankedService> rankedServices() {
        return suspicions.stream().map(suspicion -> new Reasoning.RankedService(suspicion.rank(), suspicion.service(),
                suspicion.score(), reasons.get(suspicion.service()))).toList();
    }

    /** The services the metrics rank, most suspect first. */
    List<ServiceSuspicion> suspicions() {
        return suspicions;
    }

    /** The departed metric and the recent change of a service, where there are any. */
    List<Reasoning.Evidence> evidenceFor(String service) {
        List<Reasoning.Evidence> evidence = new ArrayList<>();
        if (context == null || service == null) {
            return evidence;
        }
        ServiceSuspicion suspicion = byService.get(service);
        if (suspicion != null && suspicion.anomalous()) {
            evidence.add(Reasoning.Evidence.metric(service, suspicion.metric(), suspicion.onset(), reasons.get(service),
                    context.queryOf(service, suspicion.metric()), context.from(), context.to()));
        }
        changeOf(service).ifPresent(evidence::add);
        return evidence;
    }

    /** The service's change just before its metrics departed (or before the incident), where there is one. */
    Optional<Reasoning.Evidence> changeOf(String service) {
        if (context == null || service == null) {
            return Optional.empty();
        }
        ServiceSuspicion suspicion = byService.get(service);
        Optional<ServiceChange> change = suspicion != null ? Optional.ofNullable(suspicion.change())
                : RootCauseRanker.changeBefore(service, incidentStart, context.changes());
        return change.map(Reasoning.Evidence::change);
    }

    /** Said plainly, so nobody mistakes an alerts-only guess for a full investigation. */
    List<Reasoning.MissingData> missingData() {
        List<Reasoning.MissingData> missing = new ArrayList<>();
        if (context == null) {
            missing.add(new Reasoning.MissingData("metrics", "no Prometheus data was queried for this analysis"));
            missing.add(new Reasoning.MissingData("changes", "no deploy or change events were considered"));
            return missing;
        }
        if (!context.reached()) {
            missing.add(new Reasoning.MissingData("metrics", context.unavailable()));
            missing.add(new Reasoning.MissingData("changes", context.unavailable()));
            return missing;
        }
        if (context.series().isEmpty()) {
            missing.add(new Reasoning.MissingData("metrics",
                    "no query template returned series for this project between " + context.from() + " and "
                            + context.to()));
        }
        if (!context.failedTemplates().isEmpty()) {
            missing.add(new Reasoning.MissingData("metrics", "Prometheus did not answer for "
                    + String.join(", ", context.failedTemplates())));
        }
        return missing;
    }
}
