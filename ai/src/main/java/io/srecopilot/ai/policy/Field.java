package io.srecopilot.ai.policy;

import java.util.List;
import java.util.Locale;

/** The facts a condition may name, and the type of each. {@code labels.<name>} is a text field too. */
enum Field {
    CONFIDENCE("confidence", Type.NUMBER),
    SEVERITY("severity", Type.SEVERITY),
    SERVICE("service", Type.TEXT),
    CATEGORY("category", Type.TEXT),
    PRECEDENT_EXISTS("precedent_exists", Type.BOOLEAN),
    STATE("state", Type.TEXT),
    LABEL("labels.<name>", Type.TEXT);

    enum Type { NUMBER, TEXT, BOOLEAN, SEVERITY }

    /** Most severe first: {@code severity >= "high"} holds for high and critical. */
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");

    private final String spelling;
    private final Type type;

    Field(String spelling, Type type) {
        this.spelling = spelling;
        this.type = type;
    }

    Type type() {
        return type;
    }

    String spelling() {
        return spelling;
    }

    static Field named(String name) {
        for (Field field : values()) {
            if (field != LABEL && field.spelling.equals(name.toLowerCase(Locale.ROOT))) {
                return field;
            }
        }
        return null;
    }

    /** The fact's value for these facts: a Double, String, Boolean or null (an absent label). */
    Object valueIn(PolicyFacts facts, String label) {
        return switch (this) {
            case CONFIDENCE -> facts.confidence();
            case SEVERITY -> facts.severity();
            case SERVICE -> facts.service();
            case CATEGORY -> facts.category();
            case PRECEDENT_EXISTS -> facts.precedentExists();
            case STATE -> facts.state();
            case LABEL -> facts.labels().get(label);
        };
    }
}
