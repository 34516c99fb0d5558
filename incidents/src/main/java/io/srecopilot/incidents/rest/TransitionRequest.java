package io.srecopilot.incidents.rest;

import io.srecopilot.incidents.IncidentState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Move an incident to another state, saying why. */
public record TransitionRequest(@NotNull IncidentState to, @Size(max = 2_000) String reason) {
}
