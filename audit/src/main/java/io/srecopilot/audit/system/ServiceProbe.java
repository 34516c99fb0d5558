package io.srecopilot.audit.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks one service's readiness endpoint ({@code /q/health/ready}) and reads the answer: 200 is
 * ready, 503 with checks is answered-but-down, anything else or silence is unreachable.
 */
@ApplicationScoped
public class ServiceProbe {

    private static final String READINESS = "/q/health/ready";

    private final HttpClient client;
    private final SystemConfig config;
    private final ObjectMapper mapper;

    public ServiceProbe(Vertx vertx, SystemConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis()).setMaxPoolSize(8).setKeepAlive(true));
    }

    public Uni<ServiceHealth> probe(String name, String baseUrl) {
        long started = System.nanoTime();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(baseUrl.replaceAll("/+$", "") + READINESS).addHeader("Accept", "application/json");
        return client.request(request)
                .chain(sent -> sent.send())
                .chain(response -> response.body().map(body -> read(name, response.statusCode(), body.toString(),
                        (System.nanoTime() - started) / 1_000_000)))
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(failure -> new ServiceHealth(name, ServiceHealth.UNREACHABLE, List.of(), null,
                        reason(failure)));
    }

    private ServiceHealth read(String name, int status, String body, long millis) {
        List<ServiceHealth.Check> checks = new ArrayList<>();
        try {
            JsonNode answer = mapper.readTree(body);
            answer.path("checks").forEach(check -> checks.add(
                    new ServiceHealth.Check(check.path("name").asText(), check.path("status").asText())));
        } catch (Exception unreadable) {
            return new ServiceHealth(name, ServiceHealth.UNREACHABLE, List.of(), millis,
                    "answered HTTP " + status + " without a health report");
        }
        if (status == 200) {
            return new ServiceHealth(name, ServiceHealth.UP, checks, millis, null);
        }
        return status == 503 ? new ServiceHealth(name, ServiceHealth.DOWN, checks, millis, null)
                : new ServiceHealth(name, ServiceHealth.UNREACHABLE, checks, millis, "answered HTTP " + status);
    }

    private static String reason(Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return "no answer within the probe's timeout";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
