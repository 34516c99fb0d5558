package io.srecopilot.platform.apikey;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * This service's access tokens, fetched from auth with client credentials and reused until shortly
 * before they expire: one for calls about no project in particular (API-key introspection), and one
 * per project for calls about that project, with the scope asked for (the context of an analysis).
 */
@ApplicationScoped
public class ServiceTokens {

    private static final long RENEW_BEFORE_SECONDS = 30;
    /** Projects whose tokens are kept; past it the lot is dropped (a storm over many projects refetches). */
    private static final int MOST_PROJECTS = 1_000;

    private final AuthClient auth;
    private final ServiceAccountConfig account;
    private final AtomicReference<Cached> current = new AtomicReference<>();
    private final Map<String, Cached> perProject = new ConcurrentHashMap<>();

    public ServiceTokens(@RestClient AuthClient auth, ServiceAccountConfig account) {
        this.auth = auth;
        this.account = account;
    }

    private record Cached(String bearer, Instant renewAt) {

        boolean fresh() {
            return Instant.now().isBefore(renewAt);
        }

        static Cached of(AuthClient.ServiceToken token) {
            return new Cached("Bearer " + token.accessToken(),
                    Instant.now().plusSeconds(Math.max(1, token.expiresIn() - RENEW_BEFORE_SECONDS)));
        }
    }

    /** The token for calls about no project in particular. */
    public Uni<String> bearer() {
        Cached cached = current.get();
        if (cached != null && cached.fresh()) {
            return Uni.createFrom().item(cached.bearer());
        }
        return secret().chain(secret -> auth.token("client_credentials", account.clientId(), secret))
                .map(token -> {
                    Cached fresh = Cached.of(token);
                    current.set(fresh);
                    return fresh.bearer();
                });
    }

    /** A token bound to one project, with {@code scope}: it opens that project's calls and no other's. */
    public Uni<String> bearerFor(UUID tenantId, UUID projectId, String scope) {
        String key = tenantId + "/" + projectId + "/" + scope;
        Cached cached = perProject.get(key);
        if (cached != null && cached.fresh()) {
            return Uni.createFrom().item(cached.bearer());
        }
        return secret().chain(secret -> auth.projectToken("client_credentials", account.clientId(), secret, scope,
                        tenantId.toString(), projectId.toString()))
                .map(token -> {
                    if (perProject.size() >= MOST_PROJECTS) {
                        perProject.clear();
                    }
                    Cached fresh = Cached.of(token);
                    perProject.put(key, fresh);
                    return fresh.bearer();
                });
    }

    /** Forgets every token, e.g. after a service refused one because its signing key rotated. */
    public void invalidate() {
        current.set(null);
        perProject.clear();
    }

    private Uni<String> secret() {
        return account.clientSecret().map(secret -> Uni.createFrom().item(secret))
                .orElseGet(() -> Uni.createFrom().failure(new IllegalStateException(
                        "sre.service-account.client-secret is not set: this service cannot call auth")));
    }
}
