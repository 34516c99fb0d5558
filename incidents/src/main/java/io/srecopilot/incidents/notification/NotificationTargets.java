package io.srecopilot.incidents.notification;

import io.srecopilot.platform.net.TargetGuard;
import io.srecopilot.platform.net.TargetPolicy;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** The SSRF guard of notification targets, with the notifications' own policy. */
public class NotificationTargets {

    @Produces
    @ApplicationScoped
    TargetGuard targetGuard(NotificationsConfig config, Vertx vertx) {
        return new TargetGuard(TargetPolicy.of(config.allowLoopback(), config.allowPrivateNetworks(), false,
                config.allowedTargets().orElse(List.of())), vertx);
    }
}
