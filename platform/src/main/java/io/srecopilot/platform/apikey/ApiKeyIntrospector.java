package io.srecopilot.platform.apikey;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks auth what an API key may do and remembers the answer for 25 seconds
 * ({@code quarkus.cache.caffeine."sre-api-keys"}), so a revocation reaches every service within
 * 30. Answers are cached under the key's hash, never the key. If auth cannot answer, the call
 * fails as 503, which makes Alertmanager retry, rather than 401, which would make it give up.
 */
@ApplicationScoped
public class ApiKeyIntrospector {

    private static final Logger LOG = Logger.getLogger(ApiKeyIntrospector.class);

    private final AuthClient auth;
    private final ServiceTokens tokens;
    private final Cache answers;

    public ApiKeyIntrospector(@RestClient AuthClient auth, ServiceTokens tokens, @CacheName("sre-api-keys") Cache answers) {
        this.auth = auth;
        this.tokens = tokens;
        this.answers = answers;
    }

    public Uni<AuthClient.KeyIntrospection> introspect(String key) {
        return answers.getAsync(Hashes.sha256Hex(key), hash -> ask(key, true));
    }

    private Uni<AuthClient.KeyIntrospection> ask(String key, boolean mayRetry) {
        return tokens.bearer()
                .chain(bearer -> auth.introspect(bearer, new AuthClient.KeyToCheck(key)))
                .onFailure(failure -> mayRetry && status(failure) == 401).recoverWithUni(failure -> {
                    tokens.invalidate();
                    return ask(key, false);
                })
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> {
                    LOG.warnf("API key cannot be checked, auth did not answer: %s", failure.toString());
                    return ProblemException.unavailable("API keys cannot be checked right now; retry shortly");
                });
    }

    private static int status(Throwable failure) {
        return failure instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
    }
}
