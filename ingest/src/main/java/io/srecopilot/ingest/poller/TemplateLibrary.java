package io.srecopilot.ingest.poller;

import java.util.List;
import java.util.Optional;

/**
 * Built-in query templates for the golden signals (latency, traffic, errors, saturation) and the
 * USE method (utilization, saturation, errors), written against the metric names of Micrometer
 * (Quarkus, Spring), the Prometheus Go/Java client conventions and node_exporter, and the service
 * graphs of the OpenTelemetry Collector and Istio, whose series also say who calls whom. Users pick
 * one and adjust it; the queries group by the {@code service} label. Each says what it measures
 * ({@code kind}); node_exporter's are the host's.
 */
public final class TemplateLibrary {

    /** A ready-made template: its id, what it watches, and the request it stands for. */
    public record Entry(String id, String signal, String description, QueryTemplateRequest template) {
    }

    private static final List<Entry> ENTRIES = List.of(
            anomaly("golden-latency-p99", "latency", "99th percentile HTTP server latency per service",
                    "p99 latency", "histogram_quantile(0.99, sum by (service, le) "
                            + "(rate(http_server_requests_seconds_bucket[5m])))", "seconds", "high", "latency"),
            anomaly("golden-traffic", "traffic", "HTTP requests per second per service", "request rate",
                    "sum by (service) (rate(http_server_requests_seconds_count[5m]))", "requests/s", "medium",
                    "traffic"),
            threshold("golden-errors", "errors", "Share of HTTP requests answered 5xx per service", "error ratio",
                    "sum by (service) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m])) "
                            + "/ sum by (service) (rate(http_server_requests_seconds_count[5m]))",
                    "ratio", "high", ">", 0.05, 300, "errors"),
            threshold("golden-saturation-heap", "saturation", "JVM heap used as a share of its maximum",
                    "heap saturation", "sum by (service) (jvm_memory_used_bytes{area=\"heap\"}) "
                            + "/ sum by (service) (jvm_memory_max_bytes{area=\"heap\"} > 0)", "ratio", "medium",
                    ">", 0.9, 600, "saturation"),
            threshold("use-cpu-utilization", "utilization", "Share of CPU time not idle per host",
                    "cpu utilization", "1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m]))",
                    "ratio", "medium", ">", 0.9, 600, "host"),
            threshold("use-memory-utilization", "utilization", "Share of memory in use per host",
                    "memory utilization",
                    "1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes", "ratio", "medium", ">", 0.9, 600,
                    "host"),
            anomaly("use-cpu-saturation", "saturation", "Runnable tasks per CPU per host (load 1m / cores)",
                    "cpu saturation", "node_load1 / count by (instance) (node_cpu_seconds_total{mode=\"idle\"})",
                    "tasks/cpu", "medium", "host"),
            threshold("use-disk-utilization", "utilization", "Share of filesystem space used per mount",
                    "disk utilization", "1 - node_filesystem_avail_bytes{fstype!~\"tmpfs|overlay\"} "
                            + "/ node_filesystem_size_bytes{fstype!~\"tmpfs|overlay\"}", "ratio", "high", ">", 0.9, 900,
                    "host"),
            threshold("use-network-errors", "errors", "Network receive and transmit errors per second per host",
                    "network errors", "sum by (instance) (rate(node_network_receive_errs_total[5m]) "
                            + "+ rate(node_network_transmit_errs_total[5m]))", "errors/s", "medium", ">", 1, 300, "host"),
            threshold("target-down", "errors", "Scrape targets that are down", "target down", "up == 0", "", "high",
                    "<", 0.5, 60, "success"),
            serviceGraph("otel-service-graph", "Requests between services from the OpenTelemetry Collector's "
                    + "service graph connector (who calls whom, and how much)", "service graph requests",
                    "sum by (client, server) (rate(traces_service_graph_request_total[5m]))", "server", "client"),
            serviceGraph("istio-service-graph", "Requests between workloads as Istio's sidecars report them "
                    + "(who calls whom, and how much)", "istio requests",
                    "sum by (source_workload, destination_workload) (rate(istio_requests_total[5m]))",
                    "destination_workload", "source_workload"));

    private TemplateLibrary() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Optional<Entry> find(String id) {
        return ENTRIES.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }

    private static Entry anomaly(String id, String signal, String description, String name, String query, String unit,
            String severity, String kind) {
        return new Entry(id, signal, description, new QueryTemplateRequest(name, query, "service", null, kind, unit,
                severity, 60, new QueryTemplateRequest.DetectionRequest(null,
                        new QueryTemplateRequest.AnomalyRequest(86_400, 3.5, 3)), true));
    }

    private static Entry threshold(String id, String signal, String description, String name, String query,
            String unit, String severity, String operator, double value, int forSeconds, String kind) {
        return new Entry(id, signal, description, new QueryTemplateRequest(name, query,
                query.contains("instance") || query.startsWith("up") ? "instance" : "service", null, kind, unit,
                severity, 60, new QueryTemplateRequest.DetectionRequest(
                        new QueryTemplateRequest.ThresholdRequest(operator, value, forSeconds), null), true));
    }

    /** Traffic between services, one series per edge: the service label names the callee, the caller label the caller. */
    private static Entry serviceGraph(String id, String description, String name, String query, String serviceLabel,
            String callerLabel) {
        return new Entry(id, "topology", description, new QueryTemplateRequest(name, query, serviceLabel, callerLabel,
                "traffic", "requests/s", "medium", 60, new QueryTemplateRequest.DetectionRequest(null,
                        new QueryTemplateRequest.AnomalyRequest(86_400, 3.5, 3)), true));
    }
}
