package io.srecopilot.ingest.topology;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An edge to declare: {@code caller} calls {@code callee}, by their service names. */
public record EdgeRequest(@NotBlank @Size(max = 200) String caller, @NotBlank @Size(max = 200) String callee) {
}
