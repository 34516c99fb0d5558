package io.srecopilot.ingest.poller;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.correlation.GroupTarget;
import io.srecopilot.ingest.integration.Integration;
import io.srecopilot.ingest.integration.IntegrationSecrets;
import io.srecopilot.ingest.integration.IntegrationService;
import io.srecopilot.ingest.integration.PrometheusClient;
import io.srecopilot.ingest.service.AlertIngestService;
import io.srecopilot.ingest.service.NormalizedSignal;
import io.srecopilot.ingest.service.SignalBatch;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a template: asks Prometheus for the recent points of every series (and, when due,
 * for the baseline window), judges each series, and turns series that start or stop violating into
 * firing or resolved signals through the same path as Alertmanager's (dedup, correlation, events).
 */
@ApplicationScoped
public class TemplateRun {

    static final String SOURCE = "prometheus";
    /** Points a baseline is learned from, at most: the step grows with the window. */
    private static final int BASELINE_POINTS = 240;

    private final PrometheusClient prometheus;
    private final IntegrationService integrations;
    private final SeriesStates states;
    private final AlertIngestService ingest;
    private final PollerConfig config;

    public TemplateRun(PrometheusClient prometheus, IntegrationService integrations, SeriesStates states,
            AlertIngestService ingest, PollerConfig config) {
        this.prometheus = prometheus;
        this.integrations = integrations;
        this.states = states;
        this.ingest = ingest;
        this.config = config;
    }

    /** A template with the integration it queries. */
    public record Target(QueryTemplate template, Integration integration) {
    }

    public Uni<Void> run(Target target, Instant now) {
        QueryTemplate template = target.template();
        IntegrationSecrets secrets = integrations.secretsOf(target.integration());
        Detection detection = template.detection();
        Duration step = Duration.ofSeconds(template.intervalSeconds);
        Instant end = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant start = end.minus(step.multipliedBy(evaluationPoints(detection, step)));
        return states.load(template.id).chain(known -> prometheus.get(target.integration(), secrets,
                rangePath(template.query, start, end, step))
                .chain(recent -> baselines(target, secrets, detection, known, start, now)
                        .chain(learned -> judge(target, known, series(recent), learned, now))));
    }

    /** Points judged per run: enough for the threshold's hold and the anomaly's run, plus one. */
    static int evaluationPoints(Detection detection, Duration step) {
        int forPoints = detection.threshold() == null ? 1
                : (int) (detection.threshold().holdFor().toSeconds() / step.toSeconds()) + 1;
        int anomalyPoints = detection.anomaly() == null ? 1 : detection.anomaly().consecutivePoints();
        return Math.max(forPoints, anomalyPoints) + 1;
    }

    /** Fresh baselines for the series when any is missing or older than the refresh period; else none. */
    private Uni<Map<String, Baseline>> baselines(Target target, IntegrationSecrets secrets, Detection detection,
            Map<String, SeriesState> known, Instant evaluationStart, Instant now) {
        if (detection.anomaly() == null) {
            return Uni.createFrom().item(Map.of());
        }
        boolean fresh = !known.isEmpty() && known.values().stream().allMatch(state -> state.baselineAt() != null
                && state.baselineAt().isAfter(now.minus(config.baselineRefresh())));
        if (fresh) {
            return Uni.createFrom().item(Map.of());
        }
        Duration window = detection.anomaly().baselineWindow();
        Duration step = Duration.ofSeconds(Math.max(target.template().intervalSeconds,
                window.toSeconds() / BASELINE_POINTS));
        Instant start = evaluationStart.minus(window);
        return prometheus.get(target.integration(), secrets,
                rangePath(target.template().query, start, evaluationStart, step)).map(data -> {
                    Map<String, Baseline> learned = new HashMap<>();
                    series(data).forEach((key, series) -> {
                        Baseline baseline = Baseline.of(series.points().stream()
                                .mapToDouble(SeriesDetector.Point::value).filter(Double::isFinite).toArray());
                        if (baseline != null) {
                            learned.put(key, baseline);
                        }
                    });
                    return learned;
                });
    }

    private Uni<Void> judge(Target target, Map<String, SeriesState> known, Map<String, Series> recent,
            Map<String, Baseline> learned, Instant now) {
        QueryTemplate template = target.template();
        Instant at = Timestamps.of(now);
        List<SeriesState> updated = new ArrayList<>();
        List<NormalizedSignal> signals = new ArrayList<>();
        recent.forEach((key, series) -> {
            SeriesState before = known.get(key);
            Baseline baseline = learned.containsKey(key) ? learned.get(key) : before == null ? null : before.baseline();
            Instant baselineAt = learned.containsKey(key) ? at : before == null ? null : before.baselineAt();
            SeriesDetector.Verdict verdict = SeriesDetector.evaluate(series.points(), baseline, template.detection());
            Instant firingSince = before == null ? null : before.firingSince();
            if (verdict.violating() && firingSince == null) {
                firingSince = Timestamps.of(verdict.onset());
                signals.add(signal(template, key, series.labels(), verdict, baseline, firingSince, null));
            } else if (!verdict.violating() && firingSince != null) {
                signals.add(signal(template, key, series.labels(), verdict, baseline, firingSince, at));
                firingSince = null;
            }
            Instant latestAt = series.points().get(series.points().size() - 1).at();
            updated.add(new SeriesState(key, series.labels(), baseline, baselineAt, verdict.value(), verdict.score(),
                    latestAt, verdict.violating() ? verdict.onset() : null, firingSince));
        });
        known.values().stream().filter(state -> state.firingSince() != null && !recent.containsKey(state.seriesKey()))
                .forEach(gone -> {
                    // A series that vanished (the target went away) stops violating: resolve what it opened.
                    signals.add(signal(template, gone.seriesKey(), gone.labels(), new SeriesDetector.Verdict(false,
                            null, gone.lastValue() == null ? Double.NaN : gone.lastValue(), gone.lastScore(),
                            "series gone"), gone.baseline(), gone.firingSince(), at));
                    updated.add(new SeriesState(gone.seriesKey(), gone.labels(), gone.baseline(), gone.baselineAt(),
                            gone.lastValue(), gone.lastScore(), gone.lastAt(), null, null));
                });
        Uni<?> ingested = signals.isEmpty() ? Uni.createFrom().voidItem()
                : ingest.ingest(pollerCaller(template), batch(template, signals));
        return ingested.chain(() -> states.save(template.id, updated));
    }

    private static SignalBatch batch(QueryTemplate template, List<NormalizedSignal> signals) {
        GroupTarget target = GroupTarget.queryTemplate("poller:" + template.id, template.name);
        return new SignalBatch(SOURCE, target, null, Map.of("alertname", template.name),
                Map.of("summary", template.name + " departs from normal"), null, 0, signals);
    }

    private static NormalizedSignal signal(QueryTemplate template, String seriesKey, Map<String, String> seriesLabels,
            SeriesDetector.Verdict verdict, Baseline baseline, Instant startsAt, Instant endsAt) {
        Map<String, String> labels = new TreeMap<>(seriesLabels);
        labels.remove("__name__");
        labels.put("alertname", template.name);
        labels.put("sre_template", template.id.toString());
        String service = seriesLabels.get(template.serviceLabel);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", template.name + (service == null ? "" : " on " + service) + ": "
                + format(verdict.value()) + (template.unit == null || template.unit.isBlank() ? "" : " " + template.unit)
                + (endsAt == null ? " (" + verdict.reason() + ")" : " (back to normal)"));
        annotations.put("query", template.query);
        if (baseline != null) {
            annotations.put("baseline", "median " + format(baseline.median()) + ", MAD " + format(baseline.mad())
                    + " over " + baseline.points() + " points");
        }
        if (verdict.score() != null) {
            annotations.put("z_score", format(verdict.score()));
        }
        String fingerprint = "prom-" + HexFormat.of().formatHex(Hashes.sha256(template.id + "|" + seriesKey), 0, 16);
        return new NormalizedSignal(fingerprint, template.name, service, Severity.of(template.severity),
                endsAt == null ? "firing" : "resolved", startsAt, endsAt, labels, annotations, null);
    }

    private static Caller pollerCaller(QueryTemplate template) {
        return new Caller(template.tenantId, template.projectId, null, Actor.system("poller"));
    }

    /** A series of a range answer: its labels and points, keyed by its sorted labels. */
    public record Series(Map<String, String> labels, List<SeriesDetector.Point> points) {
    }

    public static Map<String, Series> series(JsonNode data) {
        Map<String, Series> series = new LinkedHashMap<>();
        for (JsonNode result : data.path("result")) {
            Map<String, String> labels = new TreeMap<>();
            result.path("metric").fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
            List<SeriesDetector.Point> points = new ArrayList<>();
            for (JsonNode value : result.path("values")) {
                double sample = Double.parseDouble(value.get(1).asText());
                if (Double.isFinite(sample)) {
                    points.add(new SeriesDetector.Point(Instant.ofEpochMilli((long) (value.get(0).asDouble() * 1000)),
                            sample));
                }
            }
            if (!points.isEmpty()) {
                series.put(labels.toString(), new Series(labels, points));
            }
        }
        return series;
    }

    public static String rangePath(String query, Instant start, Instant end, Duration step) {
        return "/api/v1/query_range?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start="
                + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + step.toSeconds() + "s";
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "no value" : String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
