package io.srecopilot.auth.service;

import io.srecopilot.auth.Project;
import io.srecopilot.auth.Tenant;
import io.srecopilot.auth.User;

/** What registration created, and the refresh token of the session it started. */
public record NewAccount(Tenant tenant, User user, Project project, String refreshToken) {
}
