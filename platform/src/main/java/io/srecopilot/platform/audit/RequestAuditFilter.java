package io.srecopilot.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.net.ClientAddresses;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every service's own audit trail of requests: each mutating request (POST, PUT, PATCH, DELETE)
 * and each refused one (401, 403, 404 — another tenant's ids answer 404) becomes an
 * {@code http.request} event for audit: who, from where (IP, user agent), what (method, path,
 * resource), the request id, and how it ended. Health and metrics endpoints are left out, and so
 * are accepted machine deliveries on {@code sre.audit.requests.quiet-paths} (Alertmanager's
 * webhooks: what they change is audited as the events they cause; their refusals are kept).
 * A successful change carries its field-by-field difference (before and after, credentials
 * removed): the after is the response's body, the before what the service gave
 * {@link ChangeRecorder} (a create has none, a delete no after).
 */
@ApplicationScoped
public class RequestAuditFilter {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);

    /** A bulk change is recorded by its first fields only, with how many more there were. */
    static final int MAX_CHANGES = 100;

    private final RequestAuditPublisher publisher;
    private final Instance<CallerContext> callers;
    private final ChangeRecorder recorder;
    private final List<String> quietPaths;
    private final ClientAddresses clientAddresses;

    public RequestAuditFilter(RequestAuditPublisher publisher, Instance<CallerContext> callers, ChangeRecorder recorder,
            ClientAddresses clientAddresses, @ConfigProperty(name = "sre.audit.requests.quiet-paths",
                    defaultValue = "/api/v1/ingest/alertmanager,/api/v1/ingest/events") List<String> quietPaths) {
        this.publisher = publisher;
        this.callers = callers;
        this.recorder = recorder;
        this.quietPaths = quietPaths;
        this.clientAddresses = clientAddresses;
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        int status = response.getStatus();
        boolean refused = REFUSED.contains(status);
        if (path.startsWith("/q/") || !(refused || MUTATING.contains(request.getMethod()))
                || (!refused && quietPaths.contains(path))) {
            return;
        }
        Caller caller = caller();
        List<JsonDiff.FieldChange> changes = changes(request.getMethod(), status, response.getEntity());
        RequestRecord record = new RequestRecord(request.getMethod(), path, status,
                refused ? "refused" : status < 400 ? "succeeded" : "failed", requestId(request, http),
                clientAddresses.of(http), request.getHeaderString("User-Agent"),
                changes == null ? null : changes.subList(0, Math.min(MAX_CHANGES, changes.size())),
                changes == null ? 0 : Math.max(0, changes.size() - MAX_CHANGES));
        publisher.publish(EventEnvelope.create(EventTypes.HTTP_REQUEST, caller == null ? null : caller.tenantId(),
                caller == null ? null : caller.projectId(), caller == null ? Actor.system("anonymous") : caller.actor(),
                resourceOf(path), publisher.codec().toData(record)));
    }

    /** What a successful request changed, or null when it does not say (no before recorded, not a create). */
    private List<JsonDiff.FieldChange> changes(String method, int status, Object body) {
        RequestChange change = recorder.current();
        boolean hasBefore = change != null && change.recorded();
        if (status >= 300 || !(hasBefore || status == 201)) {
            return null;
        }
        JsonNode before = hasBefore ? state(change.before()) : null;
        JsonNode after = "DELETE".equals(method) ? null : state(body);
        return JsonDiff.between(before, after);
    }

    private JsonNode state(Object view) {
        return view == null ? null : SensitiveFields.redact(publisher.codec().toData(view));
    }

    /** The caller, or null when there is none (401) or its credential could not be read. */
    private Caller caller() {
        try {
            return callers.get().get();
        } catch (RuntimeException anonymous) {
            return null;
        }
    }

    private static String requestId(ContainerRequestContext request, HttpServerRequest http) {
        String given = request.getHeaderString("X-Request-Id");
        return given != null && given.length() <= 200 ? given : UUID.randomUUID().toString();
    }

    /** "/api/v1/incidents/42/transitions" → incidents 42; the path itself when it names no id. */
    static ResourceRef resourceOf(String path) {
        String[] parts = path.replaceFirst("^/api/v1/", "").replaceFirst("^/", "").split("/");
        String type = parts.length > 0 && !parts[0].isEmpty() ? parts[0] : "root";
        return new ResourceRef(type, parts.length > 1 ? parts[1] : null);
    }

    /** What the audit trail keeps of a request. */
    @RegisterForReflection // serialized by Jackson outside REST: a native image must keep its accessors
    record RequestRecord(String method, String path, int status, String outcome, String requestId, String ip,
            String userAgent, List<JsonDiff.FieldChange> changes, int changesOmitted) {

        /** A request that changed nothing it could describe (refused, or a handshake). */
        static RequestRecord of(String method, String path, int status, String outcome, String requestId, String ip,
                String userAgent) {
            return new RequestRecord(method, path, status, outcome, requestId, ip, userAgent, null, 0);
        }
    }
}
