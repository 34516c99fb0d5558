package io.srecopilot.ingest.topology;

import java.time.Instant;
import java.util.UUID;

/**
 * One edge of a project's topology, as the API and analyses see it: {@code source} is
 * {@code declared} (with its {@code id}, who declared it and when) or {@code inferred} (with the
 * query template, or the well-known service-graph metric, it was read from).
 */
public record TopologyEdge(UUID id, String caller, String callee, String source, String template, String createdBy,
        Instant createdAt) {

    static final String DECLARED = "declared";
    static final String INFERRED = "inferred";

    static TopologyEdge of(ServiceEdge edge) {
        return new TopologyEdge(edge.id, edge.caller, edge.callee, DECLARED, null, edge.createdBy, edge.createdAt);
    }

    /** An edge the series of {@code template} show. */
    public static TopologyEdge inferredFrom(String caller, String callee, String template) {
        return inferred(caller, callee, template);
    }

    static TopologyEdge inferred(String caller, String callee, String template) {
        return new TopologyEdge(null, caller, callee, INFERRED, template, null, null);
    }
}
