package io.srecopilot.platform.json;

/**
 * Text as PostgreSQL can store it. A NUL character cannot be stored in {@code text} or
 * {@code jsonb}, and a lone UTF-16 surrogate is not Unicode at all; both arrive through JSON
 * escapes ({@code \u0000}, {@code \ud800}). Rather than fail the write (a 5xx Alertmanager would
 * retry for ever) or refuse it (a 4xx it would drop, losing the alert), each such character becomes
 * U+FFFD, the replacement character, so the rest of the text is kept as sent.
 */
public final class StorableText {

    static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = null; // made only when a character has to change
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (clean != null) {
                    clean.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean unstorable = c == 0 || Character.isSurrogate(c);
            if (unstorable && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null) {
                clean.append(unstorable ? REPLACEMENT : c);
            }
        }
        return clean == null ? text : clean.toString();
    }
}
