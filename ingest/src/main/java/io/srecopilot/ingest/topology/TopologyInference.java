package io.srecopilot.ingest.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.integration.Integration;
import io.srecopilot.ingest.integration.IntegrationService;
import io.srecopilot.ingest.integration.PrometheusClient;
import io.srecopilot.ingest.poller.QueryTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reads who calls whom off Prometheus: from the service-graph metrics that OpenTelemetry
 * Collectors ({@code traces_service_graph_request_total{client, server}}) and Istio
 * ({@code istio_requests_total{source_workload, destination_workload}}) write, wherever an
 * integration's Prometheus has them, and from the project's query templates that name a caller
 * label. Each is one instant query over the range; a Prometheus that cannot answer gives no edges.
 */
@ApplicationScoped
public class TopologyInference {

    private static final Logger LOG = Logger.getLogger(TopologyInference.class);
    private static final int CONCURRENT_QUERIES = 4;
    /** Where a range selector's length goes (a template's query may hold any other text). */
    private static final String RANGE = "\u0000range\u0000";

    /** A service-graph metric every Prometheus may hold: its name and the labels of caller and callee. */
    record WellKnown(String metric, String callerLabel, String calleeLabel) {
    }

    static final List<WellKnown> WELL_KNOWN = List.of(
            new WellKnown("traces_service_graph_request_total", "client", "server"),
            new WellKnown("istio_requests_total", "source_workload", "destination_workload"));

    private final PrometheusClient prometheus;
    private final IntegrationService integrations;

    public TopologyInference(PrometheusClient prometheus, IntegrationService integrations) {
        this.prometheus = prometheus;
        this.integrations = integrations;
    }

    /** Edges the well-known service-graph metrics show on any of {@code integrations} over the range. */
    public Uni<List<TopologyEdge>> fromServiceGraphs(Collection<Integration> integrations, Instant from, Instant to) {
        List<Uni<List<TopologyEdge>>> asked = new ArrayList<>();
        for (Integration integration : integrations) {
            for (WellKnown known : WELL_KNOWN) {
                asked.add(edges(integration, known.metric() + "[" + RANGE + "]", known.callerLabel(),
                        known.calleeLabel(), from, to, known.metric()));
            }
        }
        return all(asked);
    }

    /** Edges the series of templates that name a caller label show over the range. */
    public Uni<List<TopologyEdge>> fromTemplates(Collection<QueryTemplate> templates,
            Map<UUID, Integration> byId, Instant from, Instant to) {
        List<Uni<List<TopologyEdge>>> asked = new ArrayList<>();
        for (QueryTemplate template : templates) {
            Integration integration = byId.get(template.integrationId);
            if (template.callerLabel != null && integration != null) {
                String subquery = "(" + template.query + ")[" + RANGE + ":" + template.intervalSeconds + "s]";
                asked.add(edges(integration, subquery, template.callerLabel, template.serviceLabel, from, to,
                        template.name));
            }
        }
        return all(asked);
    }

    private Uni<List<TopologyEdge>> all(List<Uni<List<TopologyEdge>>> asked) {
        return Multi.createFrom().iterable(asked).onItem().transformToUni(uni -> uni).merge(CONCURRENT_QUERIES)
                .collect().asList().map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** {@code rangeSelector}: a range vector whose {@link #RANGE} stands for the range's length. */
    private Uni<List<TopologyEdge>> edges(Integration integration, String rangeSelector, String callerLabel,
            String calleeLabel, Instant from, Instant to, String source) {
        long seconds = Math.max(60, Duration.between(from, to).toSeconds());
        String query = "group by (" + callerLabel + ", " + calleeLabel + ") (last_over_time("
                + rangeSelector.replace(RANGE, seconds + "s") + "))";
        String path = "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&time="
                + to.getEpochSecond();
        return prometheus.get(integration, integrations.secretsOf(integration), path)
                .map(data -> parse(data, callerLabel, calleeLabel, source))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("No edges from %s on %s: %s", source, integration.name, failure.toString());
                    return List.of();
                });
    }

    static List<TopologyEdge> parse(JsonNode data, String callerLabel, String calleeLabel, String source) {
        List<TopologyEdge> edges = new ArrayList<>();
        for (JsonNode result : data.path("result")) {
            String caller = result.path("metric").path(callerLabel).asText("");
            String callee = result.path("metric").path(calleeLabel).asText("");
            if (!caller.isBlank() && !callee.isBlank() && !caller.equals(callee)) {
                edges.add(TopologyEdge.inferred(caller, callee, source));
            }
        }
        return edges;
    }
}
