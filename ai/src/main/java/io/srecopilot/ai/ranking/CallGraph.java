package io.srecopilot.ai.ranking;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who calls whom among a project's services: edges caller → callee, declared or inferred. */
public final class CallGraph {

    public static final CallGraph EMPTY = new CallGraph(List.of());

    private final Map<String, Set<String>> callees = new LinkedHashMap<>();
    private final Map<String, Set<String>> callers = new LinkedHashMap<>();
    private final List<Edge> edges;

    public CallGraph(Collection<Edge> edges) {
        this.edges = List.copyOf(new LinkedHashSet<>(edges));
        for (Edge edge : this.edges) {
            if (!edge.caller().equals(edge.callee())) {
                callees.computeIfAbsent(edge.caller(), any -> new LinkedHashSet<>()).add(edge.callee());
                callers.computeIfAbsent(edge.callee(), any -> new LinkedHashSet<>()).add(edge.caller());
            }
        }
    }

    public Set<String> calleesOf(String service) {
        return callees.getOrDefault(service, Set.of());
    }

    public Set<String> callersOf(String service) {
        return callers.getOrDefault(service, Set.of());
    }

    public List<Edge> edges() {
        return edges;
    }

    public boolean isEmpty() {
        return edges.isEmpty();
    }

    /** {@code caller} calls {@code callee}. */
    public record Edge(String caller, String callee) {
    }
}
