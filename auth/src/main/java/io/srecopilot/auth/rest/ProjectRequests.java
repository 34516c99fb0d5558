package io.srecopilot.auth.rest;

import io.srecopilot.platform.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the project and member endpoints. */
public final class ProjectRequests {

    private ProjectRequests() {
    }

    /** A new project, or a new name for one. */
    public record Name(@NotBlank @Size(max = 100) String name) {
    }

    public record AddMember(@NotBlank @Email @Size(max = 254) String email, @NotNull Role role) {
    }

    public record ChangeRole(@NotNull Role role) {
    }
}
