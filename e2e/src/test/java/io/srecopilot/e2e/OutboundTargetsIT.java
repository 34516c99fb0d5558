package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Server-side request forgery through the two places users give the platform a URL to call —
 * notification channels (incidents) and Prometheus integrations (ingest): URLs aimed at cloud
 * metadata, link-local, unspecified or mapped addresses, other schemes, or carrying credentials
 * are refused when saved, on create and update, and nothing is stored; a target that answers with
 * a redirect is not followed. (The local stack lets both reach this machine, where the test's own
 * receivers run; production refuses loopback too, unit-tested with TargetGuard.)
 */
@ExtendWith(RunningStack.class)
class OutboundTargetsIT {

    private static final List<String> FORBIDDEN = List.of(
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://[::ffff:169.254.169.254]/latest/meta-data/",
            "http://2852039166/latest/meta-data/",
            "http://0.0.0.0:8081/api/v1/auth/jwks",
            "http://[::]:6379/",
            "file:///etc/passwd",
            "gopher://127.0.0.1:6379/_FLUSHALL",
            "ftp://files.example.com/",
            "http://admin:secret@hooks.example.com/",
            "not a url at all");

    @Test
    void urlsAimedInsideThePlatformAreRefusedWhenSavedAndNothingIsStored(Stack stack) {
        Tenant team = Tenant.register(stack, "Forger");
        String channel = create(stack, team, "incidents", "/api/v1/notification-channels", channel("https://hooks.example.com/ok"));
        String integration = create(stack, team, "ingest", "/api/v1/integrations", integration("https://prometheus.example.com"));

        List<String> accepted = new ArrayList<>();
        for (String url : FORBIDDEN) {
            expectRefused(accepted, url, send(stack, team, "incidents", "POST", "/api/v1/notification-channels", channel(url)));
            expectRefused(accepted, url, send(stack, team, "incidents", "PUT", "/api/v1/notification-channels/" + channel,
                    channel(url)));
            expectRefused(accepted, url, send(stack, team, "ingest", "POST", "/api/v1/integrations", integration(url)));
            expectRefused(accepted, url, send(stack, team, "ingest", "PUT", "/api/v1/integrations/" + integration,
                    integration(url)));
            Map<String, Object> alertmanagerAt = Map.of("type", "prometheus", "name", "prom",
                    "url", "https://prometheus.example.com", "alertmanagerUrl", url);
            expectRefused(accepted, url, send(stack, team, "ingest", "POST", "/api/v1/integrations", alertmanagerAt));
        }
        assertEquals(List.of(), accepted, "forbidden targets that were accepted");

        given().baseUri(stack.url("incidents")).auth().oauth2(team.token).when().get("/api/v1/notification-channels")
                .then().statusCode(200).body("items.url", contains("https://hooks.example.com/ok"));
        given().baseUri(stack.url("ingest")).auth().oauth2(team.token).when().get("/api/v1/integrations")
                .then().statusCode(200).body("items.url", contains("https://prometheus.example.com"));
    }

    @Test
    void aTargetThatRedirectsIsNotFollowed(Stack stack) throws IOException {
        AtomicInteger redirected = new AtomicInteger();
        AtomicInteger reachedBehind = new AtomicInteger();
        HttpServer behind = receiver(reachedBehind::incrementAndGet, null);
        String behindUrl = "http://127.0.0.1:" + behind.getAddress().getPort() + "/internal";
        HttpServer redirector = receiver(redirected::incrementAndGet, behindUrl);
        String target = "http://127.0.0.1:" + redirector.getAddress().getPort();
        try {
            Tenant team = Tenant.register(stack, "Redirected");
            String integration = create(stack, team, "ingest", "/api/v1/integrations", integration(target));
            Response tested = send(stack, team, "ingest", "POST", "/api/v1/integrations/" + integration + "/test", null);
            assertEquals(200, tested.statusCode(), tested.asString());
            assertFalse(tested.<Boolean>path("ok"), "a redirect is not a Prometheus answer: " + tested.asString());

            String channel = create(stack, team, "incidents", "/api/v1/notification-channels", channel(target + "/hook"));
            send(stack, team, "incidents", "POST", "/api/v1/notification-channels/" + channel + "/test", null)
                    .then().statusCode(lessThan(300));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> send(stack, team, "incidents", "GET",
                    "/api/v1/notification-channels/" + channel + "/deliveries", null).then()
                    .body("items.responseStatus", hasItem(302)));

            assertTrue(redirected.get() >= 2, "both asked the target: " + redirected.get());
            assertEquals(0, reachedBehind.get(), "nothing followed the redirect to the address behind it");
        } finally {
            redirector.stop(0);
            behind.stop(0);
        }
    }

    private static void expectRefused(List<String> accepted, String url, Response answer) {
        if (answer.statusCode() != 400 || !answer.contentType().startsWith("application/problem+json")) {
            accepted.add(url + " answered " + answer.statusCode() + " " + answer.asString());
        }
    }

    private static Map<String, Object> channel(String url) {
        return Map.of("name", "hook", "type", "webhook", "url", url);
    }

    private static Map<String, Object> integration(String url) {
        return Map.of("type", "prometheus", "name", "prom", "url", url);
    }

    private static String create(Stack stack, Tenant team, String service, String path, Object body) {
        return send(stack, team, service, "POST", path, body).then().statusCode(201).extract().path("id");
    }

    private static Response send(Stack stack, Tenant team, String service, String method, String path, Object body) {
        var request = given().baseUri(stack.url(service)).auth().oauth2(team.token);
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        return request.when().request(method, path);
    }

    /** A receiver on this machine that counts requests and answers 302 to {@code location}, or 200. */
    private static HttpServer receiver(Runnable onRequest, String location) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            onRequest.run();
            exchange.getRequestBody().readAllBytes();
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
