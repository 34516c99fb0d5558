package io.srecopilot.auth.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sign-up: creates a tenant, its owner and a default project. */
public record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
        @NotBlank @Size(max = 100) String fullName,
        @NotBlank @Size(max = 100) String tenantName) {
}
