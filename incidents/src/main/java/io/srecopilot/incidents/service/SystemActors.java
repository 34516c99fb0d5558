package io.srecopilot.incidents.service;

import io.srecopilot.platform.events.Actor;

/** The parts of incidents that act on their own, as timelines and events name them. */
public final class SystemActors {

    /** Opens, attaches, reopens and resolves incidents from alert groups. */
    public static final Actor CORRELATION = Actor.system("correlation");

    private SystemActors() {
    }

    /** Applies a policy's decision; the policy's name makes the actor id. */
    public static Actor policy(String policyName) {
        return Actor.system("policy:" + policyName);
    }
}
