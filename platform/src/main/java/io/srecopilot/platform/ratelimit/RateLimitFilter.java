package io.srecopilot.platform.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.problem.ProblemException;
import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Charges each request of a signed-in user to their tenant's budget and answers 429 with
 * Retry-After once it is spent. Machines (API keys, service accounts), anonymous calls and the
 * ingest paths are not limited.
 */
public class RateLimitFilter {

    private final TenantRateLimiter limiter;
    private final RateLimitConfig config;
    private final CurrentIdentityAssociation identities;
    private final MeterRegistry registry;

    public RateLimitFilter(TenantRateLimiter limiter, RateLimitConfig config, CurrentIdentityAssociation identities,
            MeterRegistry registry) {
        this.limiter = limiter;
        this.config = config;
        this.identities = identities;
        this.registry = registry;
    }

    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!config.enabled() || config.excludedPaths().stream().anyMatch(path::startsWith)) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().chain(identity -> {
            UUID tenantId = userTenant(identity);
            if (tenantId == null) {
                return Uni.createFrom().voidItem();
            }
            return limiter.take(tenantId).chain(wait -> {
                if (wait.isZero()) {
                    return Uni.createFrom().voidItem();
                }
                registry.counter("sre.ratelimit.rejected").increment();
                return Uni.createFrom().failure(ProblemException.rateLimited(
                        "Your organisation is making requests faster than allowed; slow down", wait));
            });
        });
    }

    /** The tenant of a user's access token; null for anyone else. */
    private static UUID userTenant(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object tid = jwt.getClaim("tid");
        try {
            return tid == null ? null : UUID.fromString(tid instanceof JsonString json ? json.getString() : tid.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
