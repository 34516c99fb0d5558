package io.srecopilot.ingest.correlation;

import java.util.List;
import java.util.UUID;

/** An enabled rule as grouping applies it (immutable, cached per project). */
public record ActiveRule(UUID id, String name, List<String> labelNames, int windowSeconds) {
}
