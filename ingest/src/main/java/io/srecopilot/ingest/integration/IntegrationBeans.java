package io.srecopilot.ingest.integration;

import io.srecopilot.platform.crypto.SecretBox;
import io.srecopilot.platform.net.TargetGuard;
import io.srecopilot.platform.net.TargetPolicy;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SSRF guard with the integrations' policy, and the box that seals their secrets. */
public class IntegrationBeans {

    @Produces
    @ApplicationScoped
    TargetGuard targetGuard(IntegrationsConfig config, Vertx vertx) {
        return new TargetGuard(TargetPolicy.of(config.allowLoopback(), config.allowPrivateNetworks(),
                config.allowLinkLocal(), config.allowedTargets().orElse(List.of())), vertx);
    }

    /** {@code SRE_ENCRYPTION_KEY}: base64 of 32 random bytes; earlier keys still open older secrets. */
    @Produces
    @ApplicationScoped
    SecretBox secretBox(@ConfigProperty(name = "sre.encryption.key") String key,
            @ConfigProperty(name = "sre.encryption.previous-keys") Optional<List<String>> previousKeys) {
        return new SecretBox(key, previousKeys.orElse(List.of()));
    }
}
