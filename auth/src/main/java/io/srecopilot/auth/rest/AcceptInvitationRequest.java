package io.srecopilot.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Joining through an invitation: the token the admin passed on, and the new account's name and password. */
public record AcceptInvitationRequest(
        @NotBlank @Size(max = 100) String token,
        @NotBlank @Size(max = 100) String fullName,
        @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password) {
}
