package io.srecopilot.platform.events.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code policy.decided}, from ai to incidents: a policy chose to act on an incident — move it
 * ({@code targetState}, a state name), set its {@code severity}, notify a {@code channel} (id or
 * name), or ask for a human review. In {@code shadow} mode it only says what it would have done;
 * {@code enforce} applies it.
 */
@RegisterForReflection
public record PolicyDecided(UUID policyId, String policyName, UUID incidentId, String action, String targetState,
        String mode, String reason, BigDecimal confidence, String severity, String channel) {

    public static final String SHADOW = "shadow";
    public static final String ENFORCE = "enforce";
    public static final String SET_SEVERITY = "set_severity";
    public static final String NOTIFY = "notify";

    public boolean isShadow() {
        return SHADOW.equals(mode);
    }
}
