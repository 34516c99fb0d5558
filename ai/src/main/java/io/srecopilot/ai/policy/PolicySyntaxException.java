package io.srecopilot.ai.policy;

/** A condition that cannot be read, with the character position where reading failed (0-based). */
public class PolicySyntaxException extends RuntimeException {

    private final int position;

    public PolicySyntaxException(String message, int position) {
        super(message + " (at character " + (position + 1) + ")");
        this.position = position;
    }

    public int position() {
        return position;
    }
}
