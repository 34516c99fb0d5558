package io.srecopilot.ai.ranking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ranks the services in scope by how likely their metrics make them the root cause, in the manner
 * of BARO (FSE 2024): each series is judged against a robust baseline learned before the incident,
 * so noisy and seasonal series do not dominate; a service's anomaly strength is that of its most
 * anomalous series. Two further pieces of evidence adjust it: a failure spreads from its cause to
 * the callers, so the service whose anomaly began first is favoured over those that followed; and
 * a change to a service shortly before its anomaly began makes it more suspect.
 */
public final class RootCauseRanker {

    /** A series departing this many robust standard deviations, for a while, is anomalous. */
    static final double THRESHOLD = 4.0;
    /** How far before the incident's start the window of departures reaches. */
    static final Duration LOOKBACK = Duration.ofMinutes(15);
    /** Onset lag behind the first anomaly at which the temporal factor has fallen halfway. */
    static final Duration LAG_HALF = Duration.ofMinutes(2);
    /** How long before an anomaly's onset a change of the same service is held against it. */
    static final Duration CHANGE_WINDOW = Duration.ofMinutes(30);
    /** Strength at which the anomaly factor reaches 1 - 1/e. */
    private static final double STRENGTH_SCALE = 10.0;
    private static final double CHANGE_BOOST = 0.3;
    /** A service whose series never departed long enough sits below every anomalous one. */
    private static final double NOT_SUSTAINED = 0.25;

    public List<ServiceSuspicion> rank(Instant incidentStart, List<MetricSeries> series, List<ServiceChange> changes) {
        return judge(incidentStart, series, changes).suspicions();
    }

    /** One pass over the series: the services ranked, and each series' baseline and departure. */
    public Judgement judge(Instant incidentStart, List<MetricSeries> series, List<ServiceChange> changes) {
        double windowStart = incidentStart.minus(LOOKBACK).getEpochSecond();
        Map<String, ServiceAnomaly> byService = new LinkedHashMap<>();
        List<SeriesSummary> summaries = new ArrayList<>();
        for (MetricSeries one : series) {
            SeriesAnomaly judged = SeriesAnomaly.judge(one, windowStart, THRESHOLD);
            summaries.add(summary(one, judged, windowStart));
            if (judged != null) {
                byService.merge(one.service(), ServiceAnomaly.of(judged), ServiceAnomaly::merge);
            }
        }
        Double firstOnset = byService.values().stream().map(ServiceAnomaly::onset)
                .filter(onset -> onset != null).min(Double::compare).orElse(null);
        List<ServiceSuspicion> ranked = new ArrayList<>();
        byService.forEach((service, anomaly) -> ranked.add(suspicion(service, anomaly, firstOnset, incidentStart,
                changes)));
        ranked.sort(Comparator.comparingDouble(ServiceSuspicion::score).reversed()
                .thenComparing(ServiceSuspicion::service));
        return new Judgement(ranked, summaries);
    }

    /** The services by suspicion, and every series as judged (for the analysis' snapshot). */
    public record Judgement(List<ServiceSuspicion> suspicions, List<SeriesSummary> summaries) {
    }

    private static ServiceSuspicion suspicion(String service, ServiceAnomaly worst, Double firstOnset,
            Instant incidentStart, List<ServiceChange> changes) {
        double anomaly = 1 - Math.exp(-worst.strength() / STRENGTH_SCALE);
        Instant onset = worst.onset() == null ? null : Instant.ofEpochSecond(worst.onset().longValue());
        long lagSeconds = onset == null ? 0 : (long) (worst.onset() - firstOnset);
        double temporal = onset == null ? NOT_SUSTAINED
                : 0.5 + 0.5 / (1 + lagSeconds / (double) LAG_HALF.toSeconds());
        ServiceChange change = changeBefore(service, onset != null ? onset : incidentStart, changes).orElse(null);
        // Without a change the score is scaled down rather than boosted with one, so it stays within 0..1.
        double score = anomaly * temporal * (change == null ? 1 / (1 + CHANGE_BOOST) : 1);
        return new ServiceSuspicion(service, Math.round(score * 10_000) / 10_000.0, worst.strength(),
                worst.metric(), onset, lagSeconds, change);
    }

    private static SeriesSummary summary(MetricSeries series, SeriesAnomaly judged, double windowStart) {
        RobustBaseline baseline = judged == null ? null : judged.baseline();
        return new SeriesSummary(series.service(), series.metric(), series.points().size(),
                baseline == null ? null : round(baseline.expected(windowStart)),
                baseline == null ? null : round(baseline.scale()),
                judged == null ? null : round(judged.strength()),
                judged == null || judged.onsetEpochSeconds() == null ? null
                        : Instant.ofEpochSecond(judged.onsetEpochSeconds().longValue()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The latest change of the service in the window before {@code moment} (or just after it, clocks differ). */
    public static Optional<ServiceChange> changeBefore(String service, Instant moment, List<ServiceChange> changes) {
        Instant earliest = moment.minus(CHANGE_WINDOW);
        Instant latest = moment.plus(LAG_HALF);
        return changes.stream()
                .filter(change -> change.service().equals(service))
                .filter(change -> !change.at().isBefore(earliest) && !change.at().isAfter(latest))
                .max(Comparator.comparing(ServiceChange::at));
    }

    /** A service's strongest series (and its metric), and the earliest onset of any of its series. */
    private record ServiceAnomaly(double strength, String metric, Double onset) {

        static ServiceAnomaly of(SeriesAnomaly series) {
            return new ServiceAnomaly(series.strength(), series.series().metric(), series.onsetEpochSeconds());
        }

        ServiceAnomaly merge(ServiceAnomaly other) {
            ServiceAnomaly stronger = strength >= other.strength ? this : other;
            return new ServiceAnomaly(stronger.strength, stronger.metric, earliest(onset, other.onset));
        }

        private static Double earliest(Double a, Double b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return Math.min(a, b);
        }
    }
}
