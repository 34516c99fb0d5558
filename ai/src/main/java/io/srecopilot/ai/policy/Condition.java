package io.srecopilot.ai.policy;

import java.util.List;
import java.util.Objects;

/**
 * A parsed policy condition: a tree of AND, OR, NOT, comparisons, {@code in} lists and boolean
 * facts, evaluated against {@link PolicyFacts} and nothing else. Nothing in it can call, loop or
 * reach outside the facts. An absent label equals nothing, so {@code labels.x == "a"} is false
 * and {@code labels.x != "a"} true when the label is not there.
 */
public sealed interface Condition {

    boolean test(PolicyFacts facts);

    record All(Condition left, Condition right) implements Condition {
        public boolean test(PolicyFacts facts) {
            return left.test(facts) && right.test(facts);
        }
    }

    record Any(Condition left, Condition right) implements Condition {
        public boolean test(PolicyFacts facts) {
            return left.test(facts) || right.test(facts);
        }
    }

    record Not(Condition negated) implements Condition {
        public boolean test(PolicyFacts facts) {
            return !negated.test(facts);
        }
    }

    /** A boolean fact on its own, {@code precedent_exists}. */
    record Holds(Field field) implements Condition {
        public boolean test(PolicyFacts facts) {
            return Boolean.TRUE.equals(field.valueIn(facts, null));
        }
    }

    /** {@code field op literal}; the parser has checked that the literal fits the field. */
    record Compare(Field field, String label, Token.Kind operator, Object literal) implements Condition {
        public boolean test(PolicyFacts facts) {
            Object value = field.valueIn(facts, label);
            if (operator == Token.Kind.EQ || operator == Token.Kind.NE) {
                return (operator == Token.Kind.EQ) == Objects.equals(value, literal);
            }
            if (value == null) {
                return false;
            }
            int order = field.type() == Field.Type.SEVERITY
                    // Ranked from least severe, so "at least high" reads severity >= "high".
                    ? Integer.compare(Field.SEVERITIES.indexOf(literal), Field.SEVERITIES.indexOf(value))
                    : Double.compare((Double) value, (Double) literal);
            return switch (operator) {
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                default -> throw new IllegalStateException("not an ordering: " + operator);
            };
        }
    }

    record In(Field field, String label, List<Object> literals) implements Condition {
        public boolean test(PolicyFacts facts) {
            Object value = field.valueIn(facts, label);
            return value != null && literals.contains(value);
        }
    }
}
