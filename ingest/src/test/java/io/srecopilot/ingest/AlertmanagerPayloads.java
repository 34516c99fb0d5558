package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Alertmanager webhook notifications (version 4) as Alertmanager sends them, and sending them. */
final class AlertmanagerPayloads {

    static final String WEBHOOK = "/api/v1/ingest/alertmanager";

    private AlertmanagerPayloads() {
    }

    static ValidatableResponse post(String credential, Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + credential).contentType("application/json").body(body)
                .when().post(WEBHOOK).then();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alerts(Map<String, Object> notification) {
        return (List<Map<String, Object>>) notification.get("alerts");
    }

    @SafeVarargs
    static Map<String, Object> notification(String groupKey, String status, Map<String, Object>... alerts) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", "4");
        body.put("groupKey", groupKey);
        body.put("status", status);
        body.put("receiver", "sre-copilot");
        body.put("groupLabels", Map.of("service", "checkout"));
        body.put("commonLabels", Map.of("service", "checkout"));
        body.put("commonAnnotations", Map.of("summary", "Checkout is unhappy"));
        body.put("externalURL", "http://alertmanager:9093");
        body.put("truncatedAlerts", 0);
        body.put("alerts", new ArrayList<>(List.of(alerts)));
        return body;
    }

    static Map<String, Object> alert(String name, String status) {
        Map<String, Object> alert = new HashMap<>();
        alert.put("status", status);
        alert.put("labels", Map.of("alertname", name, "service", "checkout", "severity", "page"));
        alert.put("annotations", Map.of("summary", name + " fired"));
        alert.put("startsAt", "2026-11-23T06:00:00Z");
        alert.put("endsAt", status.equals("resolved") ? "2026-11-23T06:30:00Z" : "0001-01-01T00:00:00Z");
        alert.put("generatorURL", "http://prometheus:9090/graph");
        alert.put("fingerprint", name.toLowerCase() + "0001");
        return alert;
    }
}
