package io.srecopilot.ai.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MetricKindTest {

    @Test
    void theMostSpecificWordsDecide() {
        assertEquals(MetricKind.ERRORS, MetricKind.infer("http_request_errors_total"));
        assertEquals(MetricKind.LATENCY, MetricKind.infer("http_request_duration_seconds"));
        assertEquals(MetricKind.SATURATION, MetricKind.infer("process_cpu_seconds_total"));
        assertEquals(MetricKind.SATURATION, MetricKind.infer("container_memory_working_set_bytes"));
        assertEquals(MetricKind.HOST, MetricKind.infer("node_cpu_seconds_total"));
        assertEquals(MetricKind.HOST, MetricKind.infer("nezha_ob_node_memory_usage_percent"));
        assertEquals(MetricKind.SUCCESS, MetricKind.infer("front_success_rate_percent"));
        assertEquals(MetricKind.TRAFFIC, MetricKind.infer("http_requests_total"));
        assertEquals(MetricKind.TRAFFIC, MetricKind.infer("network_receive_bytes"));
        assertEquals(MetricKind.OTHER, MetricKind.infer("temperature"));
    }

    @Test
    void theNameThenTheQueryAreRead() {
        assertEquals(MetricKind.ERRORS, MetricKind.infer("Checkout error ratio",
                "sum(rate(http_requests_total{code=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))"));
        assertEquals(MetricKind.OTHER, MetricKind.infer((String) null));
    }

    @Test
    void directionsAndWhatTravelsAlongTheCallGraph() {
        assertEquals(1, MetricKind.LATENCY.direction());
        assertEquals(-1, MetricKind.TRAFFIC.direction());
        assertEquals(-1, MetricKind.SUCCESS.direction());
        assertEquals(0, MetricKind.OTHER.direction());
        assertEquals(true, MetricKind.LATENCY.travelsFromCallees());
        assertEquals(false, MetricKind.SATURATION.travelsFromCallees());
        assertEquals(true, MetricKind.TRAFFIC.travelsFromCallers());
        assertEquals(false, MetricKind.HOST.countsForTheService());
    }

    @Test
    void aDeclaredKindIsReadInAnyCase() {
        assertEquals(MetricKind.SATURATION, MetricKind.fromValue(" Saturation "));
        assertNull(MetricKind.fromValue("speed"));
        assertNull(MetricKind.fromValue(null));
    }
}
