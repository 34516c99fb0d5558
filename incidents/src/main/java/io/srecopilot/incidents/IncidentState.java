package io.srecopilot.incidents;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an incident is in its life. The allowed moves are the architecture's state machine;
 * any other move is refused with 409.
 */
public enum IncidentState {
    DETECTED,
    ACKNOWLEDGED,
    INVESTIGATING,
    MITIGATED,
    RESOLVED,
    LEARNED,
    INCONCLUSIVE;

    private static final Map<IncidentState, Set<IncidentState>> NEXT = new EnumMap<>(IncidentState.class);

    static {
        NEXT.put(DETECTED, EnumSet.of(ACKNOWLEDGED, INVESTIGATING, RESOLVED));
        NEXT.put(ACKNOWLEDGED, EnumSet.of(INVESTIGATING, RESOLVED));
        NEXT.put(INVESTIGATING, EnumSet.of(MITIGATED, INCONCLUSIVE, RESOLVED));
        NEXT.put(MITIGATED, EnumSet.of(RESOLVED, INVESTIGATING));
        NEXT.put(RESOLVED, EnumSet.of(LEARNED, INVESTIGATING));
        NEXT.put(INCONCLUSIVE, EnumSet.of(INVESTIGATING, RESOLVED));
        NEXT.put(LEARNED, EnumSet.noneOf(IncidentState.class));
    }

    public Set<IncidentState> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(IncidentState target) {
        return NEXT.get(this).contains(target);
    }

    /** Open incidents still need someone; resolved and learned ones do not. */
    public boolean isOpen() {
        return this != RESOLVED && this != LEARNED;
    }
}
