package io.srecopilot.incidents.notification;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.net.TargetGuard;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;

/**
 * POSTs notification bodies to checked targets: the connection goes to the address
 * {@link TargetGuard} resolved and approved (so DNS cannot be rebound in between), redirects
 * are not followed, and the whole exchange has a time limit.
 */
@ApplicationScoped
public class HttpPoster {

    private static final int MAX_ERROR_BODY = 300;
    /**
     * What a delivery log shows instead of the answer of an allowlisted internal target: its body
     * would let a tenant read what the cluster's services say.
     */
    static final String WITHHELD = "(answer of an internal target not shown)";

    private final TargetGuard guard;
    private final NotificationsConfig config;
    private final HttpClient client;

    public HttpPoster(TargetGuard guard, NotificationsConfig config, Vertx vertx) {
        this.guard = guard;
        this.config = config;
        // SNI and certificate checks use the URL's host name, not the pinned address.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.requestTimeout().toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxPoolSize(20));
    }

    /** The answer's status and (for errors) the start of its body. */
    public record Answer(int status, String body) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** Rate limits, timeouts and server errors pass; other client errors will not. */
        public boolean isWorthRetrying() {
            return status == 408 || status == 429 || status >= 500;
        }
    }

    /** Posts and answers the status of a 2xx answer; any other answer fails as a {@link DeliveryFailure}. */
    public Uni<Integer> deliver(String url, Map<String, String> headers, String body) {
        return post(url, headers, body).map(answer -> {
            if (!answer.isSuccess()) {
                throw DeliveryFailure.of(answer);
            }
            return answer.status();
        });
    }

    public Uni<Answer> post(String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url);
        return guard.resolve(uri).chain(address -> {
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(url)
                    .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                    .setFollowRedirects(false)
                    .setIdleTimeout(config.requestTimeout().toMillis());
            headers.forEach(options::putHeader);
            return client.request(options)
                    .chain(request -> request.send(Buffer.buffer(body)))
                    .chain(response -> response.body().map(answer -> new Answer(response.statusCode(),
                            TargetGuard.isPublic(address) ? abbreviate(answer.toString()) : WITHHELD)))
                    .ifNoItem().after(config.requestTimeout()).failWith(() -> new IllegalStateException(
                            "No answer within " + config.requestTimeout().toSeconds() + " s"));
        });
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY) + "…";
    }
}
