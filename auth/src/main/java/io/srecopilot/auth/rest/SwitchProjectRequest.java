package io.srecopilot.auth.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record SwitchProjectRequest(@NotNull UUID projectId) {
}
