package io.srecopilot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The invariants every rendering of the Kubernetes manifests keeps, checked on what kubectl renders. */
class ManifestsTest {

    private static final List<String> SERVICES = List.of("auth", "incidents", "ai", "ingest", "realtime", "audit");

    /** docs/architecture.md's routing table, written out independently of the Ingress. */
    static final Map<String, String> ROUTES = Map.ofEntries(Map.entry("/api/v1/auth", "auth"),
            // Service-only endpoints go to the UI's nginx, which answers 404.
            Map.entry("/api/v1/auth/token", "ui"), Map.entry("/api/v1/auth/api-keys/introspect", "ui"),
            Map.entry("/api/v1/projects", "auth"), Map.entry("/api/v1/incidents", "incidents"),
            Map.entry("/api/v1/notification-channels", "incidents"), Map.entry("/api/v1/ai", "ai"),
            Map.entry("/api/v1/ingest", "ingest"), Map.entry("/api/v1/integrations", "ingest"),
            Map.entry("/api/v1/signals", "ingest"), Map.entry("/api/v1/audit", "audit"),
            Map.entry("/api/v1/system", "audit"), Map.entry("/ws", "realtime"),
            Map.entry("/", "ui"));

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void everyDeploymentIsProbedSizedAndLockedDown(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : Rendered.overlay(overlay).ofKind("Deployment")) {
            String name = Rendered.name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            if (!"RuntimeDefault".equals(pod.path("securityContext").path("seccompProfile").path("type").asText())) {
                problems.add(name + ": no RuntimeDefault seccomp profile");
            }
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
                problems.add(name + ": may run as root");
            }
            for (JsonNode container : pod.path("containers")) {
                String where = name + "/" + container.path("name").asText();
                String healthPrefix = "ui".equals(name) ? "/healthz" : "/q/health/";
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (!container.path(probe).path("httpGet").path("path").asText().startsWith(healthPrefix)) {
                        problems.add(where + ": no " + probe + " on " + healthPrefix);
                    }
                }
                JsonNode resources = container.path("resources");
                for (String field : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                    if (resources.at("/" + field).asText().isEmpty()) {
                        problems.add(where + ": no " + field);
                    }
                }
                JsonNode security = container.path("securityContext");
                if (!security.path("readOnlyRootFilesystem").asBoolean() || security.path("allowPrivilegeEscalation").asBoolean(true)
                        || !security.path("capabilities").path("drop").toString().contains("ALL")) {
                    problems.add(where + ": root filesystem writable, privilege escalation allowed or capabilities kept");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void theIngressRoutesEveryApiPrefixAndTheWebSocketToTheServiceThatOwnsIt(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        JsonNode ingress = rendered.named("Ingress", "sre-copilot").orElseThrow();
        Map<String, String> routed = new HashMap<>();
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                String service = path.path("backend").path("service").path("name").asText();
                routed.put(path.path("path").asText(), service);
                String port = path.path("backend").path("service").path("port").path("name").asText();
                JsonNode target = rendered.named("Service", service).orElseThrow(() -> new AssertionError("no Service " + service));
                assertTrue(target.path("spec").path("ports").findValuesAsText("name").contains(port), service + " has no port " + port);
            }
        }
        assertEquals(ROUTES, routed);
        assertEquals("3600", ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/proxy-read-timeout")
                .asText(), "WebSockets need a long read timeout");
    }

    @Test
    void eachServiceWithADatabaseSignsInAsItsOwnRoleWhichAJobMakesFromTheLocalRunsScript() {
        Rendered dev = Rendered.overlay("overlays/dev");
        Set<String> users = new TreeSet<>();
        for (JsonNode deployment : dev.ofKind("Deployment")) {
            for (JsonNode env : deployment.findValues("env")) {
                for (JsonNode variable : env) {
                    if (variable.path("name").asText().equals("SRE_DB_USER")) {
                        assertEquals("sre_" + Rendered.name(deployment), variable.path("value").asText(),
                                Rendered.name(deployment) + " signs in as its own role");
                        users.add(variable.path("value").asText());
                    }
                    if (variable.path("name").asText().equals("SRE_DB_PASSWORD")) {
                        assertEquals("db-password-" + Rendered.name(deployment),
                                variable.path("valueFrom").path("secretKeyRef").path("key").asText());
                    }
                }
            }
        }
        assertEquals(Set.of("sre_ai", "sre_audit", "sre_auth", "sre_incidents", "sre_ingest"), users);
        JsonNode job = dev.ofKind("Job").stream().filter(each -> Rendered.name(each).equals("sre-copilot-db-roles"))
                .findFirst().orElseThrow();
        String script = job.findValues("args").get(0).toString();
        users.forEach(user -> assertTrue(script.contains(user.substring("sre_".length())), "the Job makes " + user));
        JsonNode sql = dev.ofKind("ConfigMap").stream().filter(each -> Rendered.name(each).equals("sre-copilot-db-roles"))
                .findFirst().orElseThrow();
        assertTrue(sql.path("data").path("db-roles.sql").asText().contains("NOSUPERUSER"), "the script the local run uses");
        assertTrue(dev.ofKind("NetworkPolicy").stream().anyMatch(policy -> policy.path("spec").path("podSelector")
                .path("matchLabels").path("app.kubernetes.io/component").asText().equals("db-setup")),
                "the Job may reach PostgreSQL past default-deny");
    }

    @Test
    void everySecretKeyTheServicesReadIsInTheExampleSecret() {
        Rendered dev = Rendered.overlay("overlays/dev");
        Set<String> referenced = new TreeSet<>();
        for (JsonNode deployment : dev.ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            pod.findValues("secretKeyRef").forEach(ref -> referenced.add(ref.path("name").asText() + "/" + ref.path("key").asText()));
            for (JsonNode volume : pod.path("volumes")) {
                JsonNode secret = volume.path("secret");
                secret.path("items").forEach(item -> referenced.add(secret.path("secretName").asText() + "/" + item.path("key").asText()));
            }
        }
        dev.ofKind("Job").forEach(job -> job.findValues("secretKeyRef").forEach(
                ref -> referenced.add(ref.path("name").asText() + "/" + ref.path("key").asText())));
        dev.ofKind("AlertmanagerConfig").forEach(config -> config.findValues("credentials").forEach(
                ref -> referenced.add(ref.path("name").asText() + "/" + ref.path("key").asText())));
        Set<String> example = new TreeSet<>();
        for (JsonNode secret : dev.ofKind("Secret")) {
            secret.path("stringData").fieldNames().forEachRemaining(key -> example.add(Rendered.name(secret) + "/" + key));
        }
        assertTrue(referenced.size() > 10, "found the references: " + referenced);
        Set<String> missing = new TreeSet<>(referenced);
        missing.removeAll(example);
        assertEquals(Set.of(), missing, "keys referenced but not in the example Secret");
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void everyServiceIsScrapedScaledAndProtectedFromDrains(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (String service : SERVICES) {
            JsonNode labels = rendered.named("Service", service).orElseThrow().path("metadata").path("labels");
            assertTrue(rendered.ofKind("ServiceMonitor").stream().anyMatch(monitor -> {
                JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");
                List<String> names = new ArrayList<>();
                selector.fieldNames().forEachRemaining(names::add);
                return !names.isEmpty() && names.stream().allMatch(key -> selector.path(key).equals(labels.path(key)))
                        && monitor.path("spec").path("endpoints").toString().contains("/q/metrics");
            }), service + " has no ServiceMonitor scraping /q/metrics");
        }
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            String name = Rendered.name(deployment);
            assertTrue(rendered.named("HorizontalPodAutoscaler", name).isPresent(), name + " has no HPA");
            assertTrue(rendered.named("PodDisruptionBudget", name).isPresent(), name + " has no PodDisruptionBudget");
        }
        assertTrue(rendered.named("NetworkPolicy", "default-deny").isPresent(), "no default-deny NetworkPolicy");
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void servicesKnowTheirProxiesAndReachOnlyPublicAddressesOutside(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        JsonNode config = rendered.named("ConfigMap", "sre-copilot-config").orElseThrow().path("data");
        assertTrue(!config.path("SRE_HTTP_TRUSTED_PROXIES").asText().isBlank(),
                "without trusted proxies every client behind the Ingress is the Ingress (login throttling, audit)");
        assertTrue(config.path("SRE_INTEGRATIONS_ALLOWED_TARGETS").asText().contains("prometheus-operated.monitoring.svc"));
        JsonNode outside = rendered.named("NetworkPolicy", "services-to-the-outside").orElseThrow();
        List<String> excepted = new ArrayList<>();
        outside.path("spec").path("egress").forEach(rule -> rule.path("to").forEach(peer ->
                peer.path("ipBlock").path("except").forEach(block -> excepted.add(block.asText()))));
        for (String privateBlock : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
                "100.64.0.0/10", "127.0.0.0/8")) {
            assertTrue(excepted.contains(privateBlock), privateBlock + " is reachable as 'the outside': " + excepted);
        }
    }

    @Test
    void productionKeepsTwoReplicasOfEverything() {
        Rendered prod = Rendered.overlay("overlays/prod");
        prod.ofKind("HorizontalPodAutoscaler").forEach(hpa -> assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2,
                Rendered.name(hpa) + " may scale to one replica"));
        assertTrue(prod.ofKind("Secret").isEmpty(), "production Secrets come from the secret store, not from this repository");
    }

    @Test
    void theShippedRulesAndAlertmanagerConfigurationPassPrometheusOwnChecks(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        JsonNode rule = Rendered.overlay("base").named("PrometheusRule", "sre-copilot").orElseThrow();
        Path rules = dir.resolve("rules.yml");
        new ObjectMapper(new YAMLFactory()).writeValue(rules.toFile(), rule.path("spec"));
        Tools.run("promtool", "check", "rules", rules.toString());
        Tools.run("promtool", "check", "rules", Rendered.DEPLOY.resolve("local/rules.yml").toString());
        Tools.run("amtool", "check-config", Rendered.DEPLOY.resolve("monitoring/alertmanager.yml").toString());
        assertTrue(rule.path("spec").toString().contains("sre_events_consumer_lag"));
    }

    @Test
    void theDashboardIsValidJsonOverTheServicesMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Rendered.DEPLOY.resolve("k8s/base/grafana-dashboard.json")));
        assertTrue(dashboard.path("panels").size() >= 10);
        String queries = dashboard.path("panels").findValuesAsText("expr").toString();
        for (String metric : List.of("http_server_requests_seconds", "sre_outbox_pending", "sre_events_consumer_lag",
                "sre_realtime_messages_dropped_total", "sre_realtime_event_to_send_seconds_bucket")) {
            assertTrue(queries.contains(metric), "the dashboard does not show " + metric);
        }
    }
}
