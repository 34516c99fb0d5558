package io.srecopilot.ingest.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.net.TargetGuard;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Calls a Prometheus HTTP API on behalf of an integration: to the address the {@link TargetGuard}
 * approved (no DNS rebinding in between), with its authentication and headers, without following
 * redirects, within a time limit and a size limit. TLS is verified unless the integration says not.
 */
@ApplicationScoped
public class PrometheusClient {

    private final TargetGuard guard;
    private final IntegrationsConfig config;
    private final ObjectMapper mapper;
    private final HttpClient verifying;
    private final HttpClient trusting;

    public PrometheusClient(TargetGuard guard, IntegrationsConfig config, ObjectMapper mapper, Vertx vertx) {
        this.guard = guard;
        this.config = config;
        this.mapper = mapper;
        HttpClientOptions options = new HttpClientOptions().setConnectTimeout((int) config.requestTimeout().toMillis())
                .setForceSni(true).setMaxPoolSize(20);
        this.verifying = vertx.createHttpClient(new HttpClientOptions(options).setVerifyHost(true));
        this.trusting = vertx.createHttpClient(new HttpClientOptions(options).setVerifyHost(false).setTrustAll(true));
    }

    /** GETs {@code pathAndQuery} (starting with {@code /api/v1/}) and answers Prometheus's {@code data}. */
    public Uni<JsonNode> get(Integration integration, IntegrationSecrets secrets, String pathAndQuery) {
        return getJson(integration, secrets, URI.create(stripSlash(integration.url) + pathAndQuery))
                .map(answer -> {
                    if (answer.status() != 200 || !"success".equals(answer.json().path("status").asText())) {
                        throw new PrometheusException("HTTP " + answer.status() + ": " + answer.json().path("error")
                                .asText(answer.json().path("status").asText("no error given")));
                    }
                    return answer.json().path("data");
                });
    }

    /** GETs a path of the integration's Alertmanager (its v2 API answers bare JSON). */
    public Uni<JsonNode> getFromAlertmanager(Integration integration, IntegrationSecrets secrets, String pathAndQuery) {
        return getJson(integration, secrets, URI.create(stripSlash(integration.alertmanagerUrl) + pathAndQuery))
                .map(answer -> {
                    if (answer.status() != 200) {
                        throw new PrometheusException("Alertmanager answered HTTP " + answer.status());
                    }
                    return answer.json();
                });
    }

    private record JsonAnswer(int status, JsonNode json) {
    }

    private Uni<JsonAnswer> getJson(Integration integration, IntegrationSecrets secrets, URI uri) {
        return guard.resolve(uri).chain(address -> {
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                    .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                    .setFollowRedirects(false).setIdleTimeout(config.requestTimeout().toMillis())
                    .putHeader("Accept", "application/json");
            secrets.headers().forEach(options::putHeader);
            String authorization = authorization(integration, secrets);
            if (authorization != null) {
                options.putHeader("Authorization", authorization);
            }
            return (integration.tlsVerify ? verifying : trusting).request(options)
                    .chain(request -> request.send())
                    .chain(this::data)
                    .ifNoItem().after(config.requestTimeout()).failWith(() -> new PrometheusException(
                            "No answer within " + config.requestTimeout().toSeconds() + " s"));
        });
    }

    private Uni<JsonAnswer> data(HttpClientResponse response) {
        String length = response.getHeader("Content-Length");
        if (length != null && Long.parseLong(length) > config.maxResponseSize().asLongValue()) {
            return Uni.createFrom().failure(new PrometheusException("The answer is larger than "
                    + config.maxResponseSize().asLongValue() + " bytes"));
        }
        return response.body().map(body -> {
            try {
                return new JsonAnswer(response.statusCode(), mapper.readTree(body.toString(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new PrometheusException("HTTP " + response.statusCode() + ", not a Prometheus API answer");
            }
        });
    }

    private static String authorization(Integration integration, IntegrationSecrets secrets) {
        return switch (integration.authType) {
            case "bearer" -> "Bearer " + secrets.token();
            case "basic" -> "Basic " + Base64.getEncoder().encodeToString(
                    (integration.username + ":" + secrets.password()).getBytes(StandardCharsets.UTF_8));
            default -> null;
        };
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @PreDestroy
    void close() {
        verifying.closeAndForget();
        trusting.closeAndForget();
    }

    /** Prometheus could not be asked, or did not answer as Prometheus does. */
    public static class PrometheusException extends RuntimeException {

        public PrometheusException(String message) {
            super(message, null, false, false);
        }
    }
}
