package io.srecopilot.platform.apikey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** This service's account at auth, for calls to other services. */
@ConfigMapping(prefix = "sre.service-account")
public interface ServiceAccountConfig {

    /** The client id: the service's name. */
    @WithDefault("${quarkus.application.name}")
    String clientId();

    /** The client secret (from a Secret). Without it, the service cannot check API keys. */
    Optional<String> clientSecret();
}
