package io.srecopilot.incidents.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment on an incident's timeline, in Markdown. */
public record CommentRequest(@NotBlank @Size(max = 20_000) String body) {
}
