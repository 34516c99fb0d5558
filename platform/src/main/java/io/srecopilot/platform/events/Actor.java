package io.srecopilot.platform.events;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The actor of an event; {@code id} is a user, key or service-account id, or a job name. */
@RegisterForReflection // serialized by Jackson outside REST: a native image must keep its accessors
public record Actor(ActorType type, String id) {

    public static Actor system(String component) {
        return new Actor(ActorType.SYSTEM, component);
    }
}
