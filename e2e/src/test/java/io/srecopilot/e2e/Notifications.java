package io.srecopilot.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Alertmanager webhook v4 notifications, as Alertmanager sends them. */
public final class Notifications {

    private Notifications() {
    }

    public static Map<String, Object> checkoutFailing(String groupKey) {
        return failing("checkout", groupKey);
    }

    /** Two alerts of the service firing: its error rate (critical) and its latency (warning). */
    public static Map<String, Object> failing(String service, String groupKey) {
        String name = Character.toUpperCase(service.charAt(0)) + service.substring(1);
        Instant start = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return Map.of(
                "version", "4",
                "groupKey", groupKey,
                "status", "firing",
                "receiver", "sre-copilot",
                "groupLabels", Map.of("service", service),
                "commonLabels", Map.of("service", service),
                "commonAnnotations", Map.of("summary", name + " is failing"),
                "externalURL", "http://alertmanager:9093",
                "alerts", List.of(
                        alert(service, "HighErrorRate", "critical", name + " 5xx rate above 5%", start, groupKey),
                        alert(service, "HighRequestLatency", "warning", name + " p99 above 2s", start.plusSeconds(120),
                                groupKey)));
    }

    /** The same notification once its alerts stopped firing, as Alertmanager sends it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> resolved(Map<String, Object> firing) {
        String endsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> notification = new HashMap<>(firing);
        notification.put("status", "resolved");
        notification.put("alerts", ((List<Map<String, Object>>) firing.get("alerts")).stream().map(alert -> {
            Map<String, Object> ended = new HashMap<>(alert);
            ended.put("status", "resolved");
            ended.put("endsAt", endsAt);
            return ended;
        }).toList());
        return notification;
    }

    private static Map<String, Object> alert(String service, String name, String severity, String summary,
            Instant startsAt, String groupKey) {
        return Map.of("status", "firing",
                "labels", Map.of("alertname", name, "service", service, "severity", severity),
                "annotations", Map.of("summary", summary),
                "startsAt", startsAt.toString(),
                "endsAt", "0001-01-01T00:00:00Z",
                "generatorURL", "http://prometheus:9090/graph",
                "fingerprint", Integer.toHexString((groupKey + name).hashCode()));
    }
}
