package io.srecopilot.incidents.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.incidents.IncidentState;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The data of ai's {@code policy.decided}: a policy chose to move an incident. In {@code shadow}
 * mode it only says what it would have done; {@code enforce} (the default) applies it.
 */
@RegisterForReflection
public record PolicyDecision(UUID policyId, String policyName, UUID incidentId, String action,
        IncidentState targetState, String mode, String reason, BigDecimal confidence) {

    public static final String SHADOW = "shadow";

    public boolean isShadow() {
        return SHADOW.equals(mode);
    }
}
