package io.srecopilot.platform.testing;

import io.srecopilot.platform.security.Role;
import java.util.UUID;

/**
 * A member of a tenant's project with a signed access token, for REST Assured tests:
 * {@code given().auth().oauth2(caller.token())}.
 */
public record TestCaller(UUID tenantId, UUID projectId, UUID userId, Role role, String token) {

    /** A member of a brand-new tenant and project, so tests never see each other's data. */
    public static TestCaller newTenant(Role role) {
        return of(UUID.randomUUID(), UUID.randomUUID(), role);
    }

    public static TestCaller of(UUID tenantId, UUID projectId, Role role) {
        UUID userId = UUID.randomUUID();
        return new TestCaller(tenantId, projectId, userId, role, TestTokens.sign(tenantId, projectId, userId, role));
    }

    /** Another member of the same project, with another role. */
    public TestCaller withRole(Role otherRole) {
        return of(tenantId, projectId, otherRole);
    }

    /** A member of another project of the same tenant. */
    public TestCaller inAnotherProject() {
        return of(tenantId, UUID.randomUUID(), role);
    }

    public String bearer() {
        return "Bearer " + token;
    }
}
