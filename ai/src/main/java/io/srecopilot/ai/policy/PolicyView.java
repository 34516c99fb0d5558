package io.srecopilot.ai.policy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record PolicyView(UUID id, String name, String description, String condition, List<PolicyAction> actions,
        String mode, boolean enabled, int priority, Instant createdAt, Instant updatedAt, ShadowRecord shadow) {

    static PolicyView of(Policy policy) {
        return of(policy, null);
    }

    static PolicyView of(Policy policy, ShadowRecord shadow) {
        return new PolicyView(policy.id, policy.name, policy.description, policy.condition, policy.actions.items(),
                policy.mode, policy.enabled, policy.priority, policy.createdAt, policy.updatedAt,
                shadow == null ? ShadowRecord.NONE : shadow);
    }
}
