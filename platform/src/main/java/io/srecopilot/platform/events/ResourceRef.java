package io.srecopilot.platform.events;

/** The object an event is about, e.g. {@code incident}/{@code 8b1c…}. */
public record ResourceRef(String type, String id) {
}
