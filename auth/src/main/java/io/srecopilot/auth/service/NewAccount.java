package io.srecopilot.auth.service;

import io.srecopilot.auth.Project;
import io.srecopilot.auth.Tenant;
import io.srecopilot.auth.User;
import io.srecopilot.platform.security.Role;

/** An account just created (by registration or an accepted invitation) and the refresh token of its first session. */
public record NewAccount(Tenant tenant, User user, Project project, Role role, String refreshToken) {
}
