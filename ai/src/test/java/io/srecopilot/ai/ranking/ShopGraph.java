package io.srecopilot.ai.ranking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shop of fifteen services and who calls whom, the shape of the usual microservice benchmarks
 * (Online Boutique, Sock Shop, Train Ticket): a failure of a callee shows up, smaller and later,
 * in every service that calls it directly or through others.
 */
final class ShopGraph {

    private static final Map<String, List<String>> CALLEES = new LinkedHashMap<>();

    static {
        CALLEES.put("frontend", List.of("checkout", "catalog", "search", "cart", "user"));
        CALLEES.put("checkout", List.of("payment", "cart", "inventory", "shipping"));
        CALLEES.put("payment", List.of("payment-db"));
        CALLEES.put("cart", List.of("cart-cache"));
        CALLEES.put("catalog", List.of("catalog-db", "images"));
        CALLEES.put("search", List.of("catalog"));
        CALLEES.put("shipping", List.of("currency"));
        CALLEES.put("user", List.of("user-db"));
        CALLEES.put("inventory", List.of("catalog-db"));
        for (String leaf : List.of("payment-db", "cart-cache", "catalog-db", "images", "currency", "user-db")) {
            CALLEES.put(leaf, List.of());
        }
    }

    private ShopGraph() {
    }

    static List<String> services() {
        return List.copyOf(CALLEES.keySet());
    }

    /** The shop's edges, for the ranking. */
    static CallGraph graph() {
        List<CallGraph.Edge> edges = new ArrayList<>();
        CALLEES.forEach((caller, callees) -> callees.forEach(callee -> edges.add(new CallGraph.Edge(caller, callee))));
        return new CallGraph(edges);
    }

    static List<String> calleesOf(String service) {
        return CALLEES.getOrDefault(service, List.of());
    }

    /** Every service that depends on {@code service}, with the fewest hops between them. */
    static Map<String, Integer> dependants(String service) {
        Map<String, Integer> hops = new LinkedHashMap<>();
        List<String> frontier = new ArrayList<>(List.of(service));
        for (int hop = 1; !frontier.isEmpty(); hop++) {
            List<String> next = new ArrayList<>();
            for (String callee : frontier) {
                for (Map.Entry<String, List<String>> caller : CALLEES.entrySet()) {
                    if (caller.getValue().contains(callee) && !hops.containsKey(caller.getKey())
                            && !caller.getKey().equals(service)) {
                        hops.put(caller.getKey(), hop);
                        next.add(caller.getKey());
                    }
                }
            }
            frontier = next;
        }
        return hops;
    }
}
