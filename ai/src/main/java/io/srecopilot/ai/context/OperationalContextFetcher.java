package io.srecopilot.ai.context;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.TimeoutException;
import io.srecopilot.ai.service.AnalysisConfig;
import io.srecopilot.platform.apikey.ServiceTokens;
import io.srecopilot.platform.security.ServiceScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks ingest for the metrics, changes and topology around an incident: from {@code before} ahead
 * of its start to {@code after} past it (or now, if sooner), at each template's own resolution near
 * the start. Never fails an analysis: when ingest or auth cannot answer in time the analysis goes on
 * from alerts, and says what it did not have.
 */
@ApplicationScoped
public class OperationalContextFetcher {

    private static final Logger LOG = Logger.getLogger(OperationalContextFetcher.class);

    private final IngestContextClient ingest;
    private final ServiceTokens tokens;
    private final Duration before;
    private final Duration after;
    private final Duration timeout;

    public OperationalContextFetcher(@RestClient IngestContextClient ingest, ServiceTokens tokens,
            AnalysisConfig config) {
        this.ingest = ingest;
        this.tokens = tokens;
        this.before = config.context().before();
        this.after = config.context().after();
        this.timeout = config.context().timeout();
    }

    public Uni<OperationalContext> around(UUID tenantId, UUID projectId, Instant incidentStart, Instant now) {
        Instant from = incidentStart.minus(before);
        Instant to = incidentStart.plus(after).isAfter(now) ? now : incidentStart.plus(after);
        // A token for this project only: should it leak, it reads no other project's context.
        return tokens.bearerFor(tenantId, projectId, ServiceScopes.READ_CONTEXT).onFailure().transform(NoServiceToken::new)
                .chain(bearer -> ingest.context(bearer, tenantId, projectId, from.toString(), to.toString(),
                        incidentStart.toString(), false))
                .ifNoItem().after(timeout).fail()
                .map(view -> OperationalContext.of(from, to, view))
                .onFailure(WebApplicationException.class).invoke(refused -> {
                    // A token signed with a key auth has since rotated out: fetch a fresh one next time.
                    if (((WebApplicationException) refused).getResponse().getStatus() == 401) {
                        tokens.invalidate();
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Analysis goes on without metrics and changes: ingest's context was not had: %s",
                            failure.toString());
                    return OperationalContext.unavailable(from, to, reason(failure));
                });
    }

    private String reason(Throwable failure) {
        if (failure instanceof NoServiceToken) {
            return "auth did not issue ai's service token, so ingest was not asked";
        }
        if (failure instanceof TimeoutException) {
            return "ingest did not answer within " + timeout.toSeconds() + " s";
        }
        if (failure instanceof WebApplicationException refused) {
            return "ingest answered " + refused.getResponse().getStatus();
        }
        return "ingest could not be reached";
    }

    /** ai's own account could not get a token from auth. */
    private static final class NoServiceToken extends RuntimeException {
        NoServiceToken(Throwable cause) {
            super(cause);
        }
    }
}
