package io.srecopilot.ingest.integration;

import io.srecopilot.platform.crypto.SealedColumn;
import io.srecopilot.platform.net.TargetGuard;
import io.srecopilot.platform.net.TargetPolicy;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The SSRF guard with the integrations' policy, and the column of their sealed secrets. */
public class IntegrationBeans {

    @Produces
    @ApplicationScoped
    TargetGuard targetGuard(IntegrationsConfig config, Vertx vertx) {
        return new TargetGuard(TargetPolicy.of(config.allowLoopback(), config.allowPrivateNetworks(),
                config.allowLinkLocal(), config.allowedTargets().orElse(List.of())), vertx);
    }

    /** Integrations' credentials, sealed (platform's SecretRotation keeps them on the current key). */
    @Produces
    @Singleton
    SealedColumn integrationSecrets() {
        return new SealedColumn("integration", "id", "sealed_secrets", Integration.SECRETS_OWNER);
    }
}
