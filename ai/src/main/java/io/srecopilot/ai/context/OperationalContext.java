package io.srecopilot.ai.context;

import io.srecopilot.ai.ranking.CallGraph;
import io.srecopilot.ai.ranking.MetricKind;
import io.srecopilot.ai.ranking.MetricSeries;
import io.srecopilot.ai.ranking.ServiceChange;
import java.time.Instant;
import java.util.List;

/**
 * The metrics and changes around an incident that ingest could give, or why it could not:
 * {@code unavailable} says so when ingest was not reached, and the analysis then rests on alerts.
 * {@code failedTemplates} names query templates whose Prometheus did not answer; {@code graph} is the
 * project's service topology (edges declared and inferred), {@code topology} the same as ingest sent it.
 */
public record OperationalContext(Instant from, Instant to, List<MetricSeries> series, List<String> queries,
        List<ServiceChange> changes, List<String> failedTemplates, String unavailable, CallGraph graph,
        List<IngestContextView.Edge> topology) {

    public static OperationalContext unavailable(Instant from, Instant to, String reason) {
        return new OperationalContext(from, to, List.of(), List.of(), List.of(), List.of(), reason, CallGraph.EMPTY,
                List.of());
    }

    public static OperationalContext of(Instant from, Instant to, IngestContextView view) {
        List<IngestContextView.Series> usable = view.series().stream()
                .filter(series -> series.service() != null && series.points() != null).toList();
        return new OperationalContext(from, to,
                usable.stream().map(series -> new MetricSeries(series.service(), series.template(),
                        kindOf(series), series.points())).toList(),
                usable.stream().map(IngestContextView.Series::query).toList(),
                view.changes().stream().filter(change -> change.service() != null && change.deployedAt() != null)
                        .map(change -> new ServiceChange(String.valueOf(change.id()), change.service(),
                                change.deployedAt(), describe(change)))
                        .toList(),
                view.errors().stream().map(IngestContextView.SeriesError::template).toList(), null,
                new CallGraph(view.topology().edges().stream()
                        .filter(edge -> edge.caller() != null && edge.callee() != null)
                        .map(edge -> new CallGraph.Edge(edge.caller(), edge.callee())).toList()),
                view.topology().edges());
    }

    /** The template's own word for what it measures, else what its name and query suggest. */
    private static MetricKind kindOf(IngestContextView.Series series) {
        MetricKind declared = MetricKind.fromValue(series.kind());
        return declared != null ? declared : MetricKind.infer(series.template(), series.query(), series.unit());
    }

    public boolean reached() {
        return unavailable == null;
    }

    /** The query behind a service's series of a metric ({@code queries} runs beside {@code series}), to re-run it. */
    public String queryOf(String service, String metric) {
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).service().equals(service) && series.get(i).metric().equals(metric)) {
                return queries.get(i);
            }
        }
        return null;
    }

    private static String describe(IngestContextView.Change change) {
        String version = change.version() == null ? "" : " " + change.version();
        return change.service() + version + (change.description() == null ? "" : ": " + change.description());
    }
}
