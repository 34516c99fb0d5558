package io.srecopilot.auth.rest;

import io.srecopilot.auth.ProjectRole;
import io.srecopilot.auth.Tenant;
import io.srecopilot.auth.User;
import java.util.List;
import java.util.UUID;

/** The shapes of accounts in auth's answers. */
public final class AccountViews {

    private AccountViews() {
    }

    public record UserView(UUID id, String email, String fullName) {
        static UserView of(User user) {
            return new UserView(user.id, user.email, user.fullName);
        }
    }

    public record TenantView(UUID id, String name) {
        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id, tenant.name);
        }
    }

    public record Registered(String accessToken, long expiresIn, UserView user, TenantView tenant, ProjectRole project) {
    }

    public record LoggedIn(String accessToken, long expiresIn, UserView user, UUID activeProjectId,
            List<ProjectRole> projects) {
    }

    public record Me(UserView user, TenantView tenant, ProjectRole project, List<ProjectRole> projects) {
    }

    public record Ticket(String ticket) {
    }
}
