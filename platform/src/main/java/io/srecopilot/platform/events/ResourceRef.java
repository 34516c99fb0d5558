package io.srecopilot.platform.events;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The object an event is about, e.g. {@code incident}/{@code 8b1c…}. */
@RegisterForReflection // serialized by Jackson outside REST: a native image must keep its accessors
public record ResourceRef(String type, String id) {
}
