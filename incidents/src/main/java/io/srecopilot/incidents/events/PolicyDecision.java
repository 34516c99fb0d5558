package io.srecopilot.incidents.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.incidents.IncidentState;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The data of ai's {@code policy.decided}: a policy chose to act on an incident — move it
 * ({@code targetState}), set its {@code severity}, notify a {@code channel} (id or name), or ask
 * for a human review. In {@code shadow} mode it only says what it would have done;
 * {@code enforce} (the default) applies it.
 */
@RegisterForReflection
public record PolicyDecision(UUID policyId, String policyName, UUID incidentId, String action,
        IncidentState targetState, String mode, String reason, BigDecimal confidence, String severity,
        String channel) {

    public static final String SHADOW = "shadow";
    public static final String SET_SEVERITY = "set_severity";
    public static final String NOTIFY = "notify";

    public boolean isShadow() {
        return SHADOW.equals(mode);
    }
}
