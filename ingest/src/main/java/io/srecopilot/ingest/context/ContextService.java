package io.srecopilot.ingest.context;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.Signal;
import io.srecopilot.ingest.change.Change;
import io.srecopilot.ingest.change.ChangeView;
import io.srecopilot.ingest.integration.Integration;
import io.srecopilot.ingest.integration.IntegrationService;
import io.srecopilot.ingest.integration.IntegrationSecrets;
import io.srecopilot.ingest.integration.PrometheusClient;
import io.srecopilot.ingest.poller.Baseline;
import io.srecopilot.ingest.poller.QueryTemplate;
import io.srecopilot.ingest.poller.SeriesDetector;
import io.srecopilot.ingest.poller.SeriesState;
import io.srecopilot.ingest.poller.SeriesStates;
import io.srecopilot.ingest.poller.TemplateRun;
import io.srecopilot.ingest.rest.SignalView;
import io.srecopilot.ingest.topology.TopologyEdge;
import io.srecopilot.ingest.topology.TopologyService;
import io.srecopilot.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gathers a project's context for analyses: signals that started, changes deployed, the series of
 * its query templates over the range, each scored against its learned baseline, and who calls whom.
 * When the analysis names the moment it is about ({@code around}), series come at each template's
 * own interval from {@value #NEAR_MINUTES} minutes before it, and coarser before that.
 */
@ApplicationScoped
public class ContextService {

    static final int MAX_POINTS = 120;
    static final int NEAR_MINUTES = 30;
    static final int MAX_NEAR_POINTS = 240;
    static final int HISTORY_POINTS = 60;
    private static final int MAX_SIGNALS = 500;
    private static final int MAX_CHANGES = 200;
    private static final int MAX_TEMPLATES = 50;
    private static final int CONCURRENT_QUERIES = 4;

    private final PrometheusClient prometheus;
    private final IntegrationService integrations;
    private final SeriesStates states;
    private final TopologyService topology;

    public ContextService(PrometheusClient prometheus, IntegrationService integrations, SeriesStates states,
            TopologyService topology) {
        this.prometheus = prometheus;
        this.integrations = integrations;
        this.states = states;
        this.topology = topology;
    }

    public Uni<IngestContext> context(UUID tenantId, UUID projectId, Instant from, Instant to, Instant around,
            List<String> services, boolean withSignals) {
        Resolution resolution = Resolution.of(from, to, around);
        return stored(tenantId, projectId, from, to, services, withSignals).chain(stored -> {
            Uni<List<TemplateSeries>> templateSeries = Multi.createFrom().iterable(stored.templates())
                    .onItem().transformToUni(template -> series(template,
                            stored.integrations().get(template.integrationId), resolution, services))
                    .merge(CONCURRENT_QUERIES).collect().asList();
            return Uni.combine().all()
                    .unis(templateSeries, topology.serviceGraphs(stored.integrations().values(), from, to))
                    .with((results, graphs) -> {
                        List<SeriesContext> series = new ArrayList<>();
                        List<IngestContext.SeriesError> errors = new ArrayList<>();
                        results.forEach(result -> {
                            series.addAll(result.series());
                            if (result.error() != null) {
                                errors.add(result.error());
                            }
                        });
                        List<TopologyEdge> edges = TopologyService.merge(stored.edges(), graphs, edgesOf(series));
                        return new IngestContext(tenantId, projectId, from, to, services, stored.signals(),
                                stored.changes(), series, errors, new IngestContext.Topology(edges));
                    });
        });
    }

    /** The edges the series of calls between services show: each one's caller calls its service. */
    private static List<TopologyEdge> edgesOf(List<SeriesContext> series) {
        return series.stream().filter(one -> one.caller() != null && one.service() != null
                && !one.caller().equals(one.service()))
                .map(one -> TopologyEdge.inferredFrom(one.caller(), one.service(), one.template())).distinct().toList();
    }

    /** What the database holds, read in one session before Prometheus is asked concurrently. */
    private record Stored(List<SignalView> signals, List<ChangeView> changes, List<QueryTemplate> templates,
            Map<UUID, Integration> integrations, List<TopologyEdge> edges) {
    }

    private record TemplateSeries(List<SeriesContext> series, IngestContext.SeriesError error) {
    }

    @WithSession
    Uni<Stored> stored(UUID tenantId, UUID projectId, Instant from, Instant to, List<String> services,
            boolean withSignals) {
        String serviceFilter = services.isEmpty() ? "" : " and service in ?5";
        Object[] window = services.isEmpty() ? new Object[] { tenantId, projectId, from, to }
                : new Object[] { tenantId, projectId, from, to, services };
        Uni<List<Signal>> signalsInWindow = !withSignals ? Uni.createFrom().item(List.of())
                : Signal.<Signal>find("tenantId = ?1 and projectId = ?2 and startsAt >= ?3 and startsAt < ?4"
                        + serviceFilter + " order by startsAt", window).range(0, MAX_SIGNALS - 1).list();
        return signalsInWindow
                .chain(signals -> Change.<Change>find("tenantId = ?1 and projectId = ?2 and deployedAt >= ?3 and "
                        + "deployedAt < ?4" + serviceFilter + " order by deployedAt", window)
                        .range(0, MAX_CHANGES - 1).list()
                        .chain(changes -> QueryTemplate.<QueryTemplate>find(
                                "tenantId = ?1 and projectId = ?2 and enabled = true order by name", tenantId, projectId)
                                .range(0, MAX_TEMPLATES - 1).list()
                                .chain(templates -> Integration.<Integration>find("tenantId = ?1 and projectId = ?2",
                                        tenantId, projectId).list()
                                        .chain(found -> topology.declared(tenantId, projectId)
                                                .map(declared -> new Stored(signals.stream().map(SignalView::of).toList(),
                                                        changes.stream().map(ChangeView::of).toList(), templates,
                                                        found.stream().collect(Collectors.toMap(i -> i.id,
                                                                Function.identity())), declared))))));
    }

    private Uni<TemplateSeries> series(QueryTemplate template, Integration integration, Resolution resolution,
            List<String> services) {
        Duration step = resolution.nearStep(template.intervalSeconds);
        Duration historyStep = resolution.historyStep(template.intervalSeconds);
        IntegrationSecrets secrets = integrations.secretsOf(integration);
        Uni<Map<String, TemplateRun.Series>> history = resolution.history() == null
                ? Uni.createFrom().item(Map.of())
                : prometheus.get(integration, secrets, TemplateRun.rangePath(template.query,
                        alignedStart(resolution.from(), resolution.nearFrom(), historyStep),
                        resolution.nearFrom().minusSeconds(1), historyStep)).map(TemplateRun::series);
        Uni<Map<String, TemplateRun.Series>> joined = history.chain(before -> prometheus.get(integration, secrets,
                TemplateRun.rangePath(template.query, alignedStart(resolution.nearFrom(), resolution.to(), step),
                        resolution.to(), step))
                .map(near -> joined(before, TemplateRun.series(near))));
        return Uni.combine().all().unis(states.load(template.id), joined)
                .with((known, all) -> new TemplateSeries(all.entrySet().stream()
                        .filter(entry -> services.isEmpty()
                                || services.contains(entry.getValue().labels().get(template.serviceLabel)))
                        .map(entry -> scored(template, entry.getValue(), known.get(entry.getKey()), step))
                        .toList(), null))
                .onFailure().recoverWithItem(failure -> new TemplateSeries(List.of(),
                        new IngestContext.SeriesError(template.id, template.name, String.valueOf(failure.getMessage()))));
    }

    /** Each series' coarse history followed by its points near the incident. */
    private static Map<String, TemplateRun.Series> joined(Map<String, TemplateRun.Series> history,
            Map<String, TemplateRun.Series> near) {
        Map<String, TemplateRun.Series> joined = new LinkedHashMap<>(near);
        history.forEach((key, before) -> joined.merge(key, before, (recent, earlier) -> {
            List<SeriesDetector.Point> points = new ArrayList<>(earlier.points());
            Instant first = recent.points().isEmpty() ? Instant.MAX : recent.points().get(0).at();
            points.removeIf(point -> !point.at().isBefore(first));
            points.addAll(recent.points());
            return new TemplateRun.Series(recent.labels(), points);
        }));
        return joined;
    }

    private static SeriesContext scored(QueryTemplate template, TemplateRun.Series series, SeriesState state,
            Duration step) {
        Baseline baseline = state == null ? null : state.baseline();
        SeriesDetector.Judgement judgement = SeriesDetector.scan(series.points(), baseline, template.detection());
        List<double[]> points = series.points().stream()
                .map(point -> new double[] { point.at().getEpochSecond(), point.value() }).toList();
        return new SeriesContext(template.id, template.name, template.query, template.integrationId,
                series.labels().get(template.serviceLabel),
                template.callerLabel == null ? null : series.labels().get(template.callerLabel), series.labels(),
                template.unit, template.kind, step.toSeconds(), points, baseline, judgement.maxAbsScore(),
                judgement.onset() != null, judgement.onset());
    }

    /**
     * Where to start a range query so that its last step falls exactly on {@code to}: Prometheus
     * evaluates at start, start + step, …, so an unaligned start would drop up to a step of the newest
     * data, the part that matters most while an incident is going on.
     */
    static Instant alignedStart(Instant from, Instant to, Duration step) {
        long steps = Duration.between(from, to).toSeconds() / step.toSeconds();
        return to.minusSeconds(steps * step.toSeconds());
    }

    /** The range asked: {@code to} defaults to now, {@code from} to an hour before; at most 7 days. */
    public static Instant[] range(Instant from, Instant to, Instant now) {
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : from;
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(Duration.ofDays(7)) > 0) {
            throw ProblemException.invalid("from", "must be before to, at most 7 days earlier");
        }
        return new Instant[] { start, end };
    }
}
