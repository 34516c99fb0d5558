package io.srecopilot.ingest.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.crypto.SecretBox;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.net.TargetGuard;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.persistence.UniqueViolations;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Prometheus integrations of a project: kept with sealed secrets, tested, their health recorded. */
@ApplicationScoped
public class IntegrationService {

    private static final Logger LOG = Logger.getLogger(IntegrationService.class);
    private static final int MAX_ERROR = 500;

    private final SecretBox secretBox;
    private final TargetGuard guard;
    private final PrometheusClient prometheus;
    private final Outbox outbox;
    private final EventCodec codec;
    private final ObjectMapper mapper;
    private final IntegrationHealth health;
    private final ChangeRecorder audited;

    public IntegrationService(SecretBox secretBox, TargetGuard guard, PrometheusClient prometheus, Outbox outbox,
            EventCodec codec, ObjectMapper mapper, IntegrationHealth health, ChangeRecorder audited) {
        this.audited = audited;
        this.health = health;
        this.secretBox = secretBox;
        this.guard = guard;
        this.prometheus = prometheus;
        this.outbox = outbox;
        this.codec = codec;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<List<IntegrationView>> list(Caller caller) {
        return Integration.<Integration>find("tenantId = ?1 and projectId = ?2 order by name", caller.tenantId(),
                caller.projectId()).list().map(rows -> rows.stream().map(IntegrationView::of).toList());
    }

    @WithSession
    public Uni<IntegrationView> get(Caller caller, UUID id) {
        return find(caller, id).map(IntegrationView::of);
    }

    @WithTransaction
    public Uni<IntegrationView> create(Caller caller, IntegrationRequest request) {
        IntegrationRules.check(request, null, guard);
        Integration integration = new Integration();
        integration.id = UUID.randomUUID();
        integration.tenantId = caller.tenantId();
        integration.projectId = caller.projectId();
        integration.createdAt = Timestamps.now();
        apply(integration, request, IntegrationSecrets.NONE);
        return persist(caller, integration, EventTypes.INTEGRATION_CREATED);
    }

    @WithTransaction
    public Uni<IntegrationView> update(Caller caller, UUID id, IntegrationRequest request) {
        return find(caller, id).chain(integration -> {
            IntegrationRules.check(request, integration, guard);
            audited.before(IntegrationView.of(integration));
            apply(integration, request, secretsOf(integration));
            return persist(caller, integration, EventTypes.INTEGRATION_UPDATED);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return find(caller, id).invoke(integration -> audited.before(IntegrationView.of(integration)))
                .chain(integration -> integration.delete()
                .chain(() -> announce(caller, integration, EventTypes.INTEGRATION_DELETED)));
    }

    /** Asks Prometheus for its version and to evaluate a query; records the outcome as the health. */
    public Uni<ConnectionTest> test(Caller caller, UUID id) {
        return loaded(caller, id).chain(integration -> {
            IntegrationSecrets secrets = secretsOf(integration);
            long started = System.nanoTime();
            return prometheus.get(integration, secrets, "/api/v1/status/buildinfo")
                    .chain(info -> prometheus.get(integration, secrets, "/api/v1/query?query=vector(1)")
                            .replaceWith(info.path("version").asText(null)))
                    .map(version -> new ConnectionTest(true, (System.nanoTime() - started) / 1_000_000, version, null,
                            Timestamps.now()))
                    .onFailure().recoverWithItem(failure -> new ConnectionTest(false,
                            (System.nanoTime() - started) / 1_000_000, null, describe(failure), Timestamps.now()))
                    .call(result -> result.ok() ? health.succeeded(integration.id, result.testedAt())
                            : health.failed(integration.id, result.testedAt(), result.error()));
        });
    }

    /** The decrypted secrets of an integration, for the clients that call it. */
    public IntegrationSecrets secretsOf(Integration integration) {
        if (integration.sealedSecrets == null) {
            return IntegrationSecrets.NONE;
        }
        try {
            return mapper.readValue(secretBox.decrypt(integration.sealedSecrets, integration.secretsOwner()),
                    IntegrationSecrets.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.errorf("The secrets of integration %s cannot be opened: %s", integration.id, e.getMessage());
            throw ProblemException.unprocessable("The stored credentials of this integration cannot be read "
                    + "(was the encryption key changed?); save them again");
        }
    }

    @WithSession
    Uni<Integration> loaded(Caller caller, UUID id) {
        return find(caller, id);
    }

    private void apply(Integration integration, IntegrationRequest request, IntegrationSecrets stored) {
        IntegrationRequest.Auth auth = request.auth() == null ? new IntegrationRequest.Auth("none", null, null, null)
                : request.auth();
        boolean sameAuth = auth.type().equals(integration.authType);
        String token = "bearer".equals(auth.type()) ? keep(auth.token(), sameAuth ? stored.token() : null) : null;
        String password = "basic".equals(auth.type()) ? keep(auth.password(), sameAuth ? stored.password() : null)
                : null;
        Map<String, String> headers = request.headers() != null ? new LinkedHashMap<>(request.headers())
                : stored.headers();
        integration.type = request.type();
        integration.name = request.name().trim();
        integration.url = request.url().trim();
        integration.alertmanagerUrl = request.alertmanagerUrl() == null || request.alertmanagerUrl().isBlank() ? null
                : request.alertmanagerUrl().trim();
        integration.authType = auth.type();
        integration.username = "basic".equals(auth.type()) ? auth.username() : null;
        integration.headerNames = headers.keySet().stream().sorted().toList();
        integration.tlsVerify = request.tlsVerify() == null || request.tlsVerify();
        IntegrationSecrets secrets = new IntegrationSecrets(token, password, headers);
        integration.sealedSecrets = token == null && password == null && headers.isEmpty() ? null
                : secretBox.encrypt(json(secrets), integration.secretsOwner());
        integration.updatedAt = Timestamps.now();
    }

    private Uni<IntegrationView> persist(Caller caller, Integration integration, String eventType) {
        return integration.<Integration>persistAndFlush()
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> ProblemException.conflict(
                        "An integration named '" + integration.name + "' exists already in this project"))
                .call(() -> announce(caller, integration, eventType))
                .map(IntegrationView::of);
    }

    private Uni<Void> announce(Caller caller, Integration integration, String type) {
        return outbox.append(EventEnvelope.create(type, caller.tenantId(), caller.projectId(), caller.actor(),
                new ResourceRef("integration", integration.id.toString()), codec.toData(IntegrationView.of(integration))));
    }

    private static Uni<Integration> find(Caller caller, UUID id) {
        return Integration.<Integration>find("id = ?1 and tenantId = ?2 and projectId = ?3", id, caller.tenantId(),
                caller.projectId()).firstResult().map(integration -> {
                    if (integration == null) {
                        throw ProblemException.notFound("integration", id);
                    }
                    return integration;
                });
    }

    private static String keep(String given, String stored) {
        return given != null && !given.isBlank() ? given : stored;
    }

    private String json(IntegrationSecrets secrets) {
        try {
            return mapper.writeValueAsString(secrets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Secrets always serialize", e);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() <= MAX_ERROR ? message : message.substring(0, MAX_ERROR) + "…";
    }
}
