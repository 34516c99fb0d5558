package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.precedent.Precedent;
import java.util.List;
import java.util.Map;

/**
 * What a project has learned that analyses weigh: its learned incidents ({@code precedents}) and
 * people's verdicts on hypotheses, by kind ({@link #kind(String, String)}).
 */
public record ProjectMemory(List<Precedent> precedents, Map<String, Verdicts> verdicts) {

    public static final ProjectMemory EMPTY = new ProjectMemory(List.of(), Map.of());

    public ProjectMemory {
        precedents = precedents == null ? List.of() : List.copyOf(precedents);
        verdicts = verdicts == null ? Map.of() : Map.copyOf(verdicts);
    }

    public static String kind(String service, String category) {
        return (service == null ? "" : service) + "\u0000" + category;
    }

    Verdicts verdictsOn(String service, Category category) {
        return verdicts.getOrDefault(kind(service, category.value()), Verdicts.NONE);
    }
}
