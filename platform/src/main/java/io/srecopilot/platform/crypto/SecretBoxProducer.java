package io.srecopilot.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's {@link SecretBox}: {@code SRE_ENCRYPTION_KEY} (base64 of 32 random bytes) seals
 * new secrets; {@code SRE_ENCRYPTION_PREVIOUS_KEYS} (comma-separated) still open older ones while
 * they are moved to the current key. Services that keep no secrets need neither.
 */
public class SecretBoxProducer {

    @Produces
    @ApplicationScoped
    SecretBox secretBox(@ConfigProperty(name = "sre.encryption.key") Optional<String> key,
            @ConfigProperty(name = "sre.encryption.previous-keys") Optional<List<String>> previousKeys) {
        return new SecretBox(key.orElseThrow(() -> new IllegalStateException(
                "SRE_ENCRYPTION_KEY is not set: this service seals secrets and needs the deployment's key")),
                previousKeys.orElse(List.of()));
    }
}
