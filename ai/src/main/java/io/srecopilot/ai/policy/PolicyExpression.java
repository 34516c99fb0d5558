package io.srecopilot.ai.policy;

import io.srecopilot.ai.policy.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a policy condition such as
 * {@code confidence >= 0.85 AND precedent_exists AND NOT severity in ["info", "low"]}.
 * Recursive descent over a small grammar; NOT binds tighter than AND, AND tighter than OR, and
 * parentheses group. Every limit is explicit so that hostile input is refused with a clear
 * message, never a stack overflow or a slow parse: length, nesting depth and list size.
 */
public final class PolicyExpression {

    static final int MAX_LENGTH = 2_000;
    static final int MAX_DEPTH = 32;
    static final int MAX_LIST = 100;
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final String LABELS = "labels.";

    private final List<Token> tokens;
    private int next;
    private int depth;

    private PolicyExpression(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Condition parse(String source) {
        if (source == null || source.isBlank()) {
            throw new PolicySyntaxException("The condition is empty", 0);
        }
        if (source.length() > MAX_LENGTH) {
            throw new PolicySyntaxException("The condition is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        PolicyExpression parser = new PolicyExpression(Lexer.tokens(source));
        Condition condition = parser.or();
        Token last = parser.peek();
        if (last.kind() != Kind.END) {
            throw new PolicySyntaxException("Unexpected '" + last.text() + "'", last.position());
        }
        return condition;
    }

    private Condition or() {
        Condition left = and();
        while (accept(Kind.OR)) {
            left = new Condition.Any(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = unary();
        while (accept(Kind.AND)) {
            left = new Condition.All(left, unary());
        }
        return left;
    }

    private Condition unary() {
        Token start = peek();
        if (++depth > MAX_DEPTH) {
            throw new PolicySyntaxException("The condition nests deeper than " + MAX_DEPTH + " levels", start.position());
        }
        try {
            if (accept(Kind.NOT)) {
                return new Condition.Not(unary());
            }
            if (accept(Kind.OPEN)) {
                Condition inner = or();
                expect(Kind.CLOSE, "')'");
                return inner;
            }
            return comparison();
        } finally {
            depth--;
        }
    }

    private Condition comparison() {
        Token name = expect(Kind.NAME, "a field");
        String label = null;
        Field field;
        if (name.text().startsWith(LABELS)) {
            label = name.text().substring(LABELS.length());
            if (!LABEL_NAME.matcher(label).matches()) {
                throw new PolicySyntaxException("'" + name.text() + "' is not a label name", name.position());
            }
            field = Field.LABEL;
        } else {
            field = Field.named(name.text());
            if (field == null) {
                throw new PolicySyntaxException("Unknown field '" + name.text() + "'; known: confidence, severity, "
                        + "service, category, precedent_exists, state, labels.<name>", name.position());
            }
        }
        Token operator = peek();
        if (operator.isComparison()) {
            next++;
            return compare(field, label, operator, literal(field));
        }
        if (accept(Kind.IN)) {
            return new Condition.In(field, label, list(field));
        }
        if (field.type() == Field.Type.BOOLEAN) {
            return new Condition.Holds(field);
        }
        throw new PolicySyntaxException("Expected a comparison (==, !=, <, <=, >, >=) or 'in' after '"
                + name.text() + "'", operator.position());
    }

    private Condition compare(Field field, String label, Token operator, Object literal) {
        boolean ordering = operator.kind() != Kind.EQ && operator.kind() != Kind.NE;
        if (ordering && field.type() != Field.Type.NUMBER && field.type() != Field.Type.SEVERITY) {
            throw new PolicySyntaxException("'" + field.spelling() + "' can only be compared with == or !=",
                    operator.position());
        }
        return new Condition.Compare(field, label, operator.kind(), literal);
    }

    private List<Object> list(Field field) {
        expect(Kind.OPEN_LIST, "'['");
        List<Object> literals = new ArrayList<>();
        do {
            if (literals.size() == MAX_LIST) {
                throw new PolicySyntaxException("A list holds at most " + MAX_LIST + " values", peek().position());
            }
            literals.add(literal(field));
        } while (accept(Kind.COMMA));
        expect(Kind.CLOSE_LIST, "']'");
        return List.copyOf(literals);
    }

    /** A literal of the field's type. */
    private Object literal(Field field) {
        Token token = peek();
        next++;
        switch (field.type()) {
            case NUMBER -> {
                if (token.kind() == Kind.NUMBER) {
                    return number(token);
                }
            }
            case BOOLEAN -> {
                if (token.kind() == Kind.TRUE || token.kind() == Kind.FALSE) {
                    return token.kind() == Kind.TRUE;
                }
            }
            case SEVERITY -> {
                if (token.kind() == Kind.STRING && Field.SEVERITIES.contains(token.text())) {
                    return token.text();
                }
                if (token.kind() == Kind.STRING) {
                    throw new PolicySyntaxException("Severity is one of " + Field.SEVERITIES, token.position());
                }
            }
            case TEXT -> {
                if (token.kind() == Kind.STRING) {
                    return token.text();
                }
            }
        }
        throw new PolicySyntaxException("Expected " + field.type().name().toLowerCase(Locale.ROOT)
                + " value for '" + field.spelling() + "'" + (token.kind() == Kind.END ? "" : ", found '" + token.text() + "'"),
                token.position());
    }

    private static Double number(Token token) {
        try {
            double value = Double.parseDouble(token.text());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the position.
        }
        throw new PolicySyntaxException("'" + token.text() + "' is not a number", token.position());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private Token expect(Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            throw new PolicySyntaxException("Expected " + what + (token.kind() == Kind.END ? " at the end"
                    : ", found '" + token.text() + "'"), token.position());
        }
        next++;
        return token;
    }
}
