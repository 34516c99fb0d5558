package io.srecopilot.ai.policy;

/** One word of a condition, where it starts, and for literals and names their text. */
record Token(Kind kind, String text, int position) {

    enum Kind {
        NAME, NUMBER, STRING, AND, OR, NOT, IN, TRUE, FALSE,
        EQ, NE, LT, LE, GT, GE, OPEN, CLOSE, OPEN_LIST, CLOSE_LIST, COMMA, END
    }

    boolean isComparison() {
        return switch (kind) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }
}
