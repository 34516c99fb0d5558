package io.srecopilot.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Alertmanager webhook v4 notifications, as Alertmanager sends them. */
public final class Notifications {

    private Notifications() {
    }

    public static Map<String, Object> checkoutFailing(String groupKey) {
        Instant start = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return Map.of(
                "version", "4",
                "groupKey", groupKey,
                "status", "firing",
                "receiver", "sre-copilot",
                "groupLabels", Map.of("service", "checkout"),
                "commonLabels", Map.of("service", "checkout"),
                "commonAnnotations", Map.of("summary", "Checkout is failing"),
                "externalURL", "http://alertmanager:9093",
                "alerts", List.of(
                        alert("HighErrorRate", "critical", "Checkout 5xx rate above 5%", start, groupKey),
                        alert("HighRequestLatency", "warning", "Checkout p99 above 2s", start.plusSeconds(120), groupKey)));
    }

    private static Map<String, Object> alert(String name, String severity, String summary, Instant startsAt,
            String groupKey) {
        return Map.of("status", "firing",
                "labels", Map.of("alertname", name, "service", "checkout", "severity", severity),
                "annotations", Map.of("summary", summary),
                "startsAt", startsAt.toString(),
                "endsAt", "0001-01-01T00:00:00Z",
                "generatorURL", "http://prometheus:9090/graph",
                "fingerprint", Integer.toHexString((groupKey + name).hashCode()));
    }
}
