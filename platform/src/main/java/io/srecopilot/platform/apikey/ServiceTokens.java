package io.srecopilot.platform.apikey;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** This service's access token for calls to auth, fetched with client credentials and reused until shortly before it expires. */
@ApplicationScoped
public class ServiceTokens {

    private static final long RENEW_BEFORE_SECONDS = 30;

    private final AuthClient auth;
    private final ServiceAccountConfig account;
    private final AtomicReference<Cached> current = new AtomicReference<>();

    public ServiceTokens(@RestClient AuthClient auth, ServiceAccountConfig account) {
        this.auth = auth;
        this.account = account;
    }

    private record Cached(String bearer, Instant renewAt) {
    }

    public Uni<String> bearer() {
        Cached cached = current.get();
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return Uni.createFrom().item(cached.bearer());
        }
        if (account.clientSecret().isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "sre.service-account.client-secret is not set: this service cannot call auth"));
        }
        return auth.token("client_credentials", account.clientId(), account.clientSecret().get()).map(token -> {
            Cached fresh = new Cached("Bearer " + token.accessToken(),
                    Instant.now().plusSeconds(Math.max(1, token.expiresIn() - RENEW_BEFORE_SECONDS)));
            current.set(fresh);
            return fresh.bearer();
        });
    }

    /** Forgets the token, e.g. after auth refused it because its signing key rotated. */
    public void invalidate() {
        current.set(null);
    }
}
