package io.srecopilot.platform.events;

/** The actor of an event; {@code id} is a user, key or service-account id, or a job name. */
public record Actor(ActorType type, String id) {

    public static Actor system(String component) {
        return new Actor(ActorType.SYSTEM, component);
    }
}
