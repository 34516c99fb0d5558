package io.srecopilot.ai.policy;

import io.srecopilot.ai.policy.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Cuts a condition into tokens. Only printable text is read; anything else is refused where it stands. */
final class Lexer {

    private static final Map<String, Kind> KEYWORDS = Map.of("and", Kind.AND, "or", Kind.OR, "not", Kind.NOT,
            "in", Kind.IN, "true", Kind.TRUE, "false", Kind.FALSE);
    private static final int MAX_STRING = 256;

    private final String source;
    private int at;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokens(String source) {
        return new Lexer(source).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (at < source.length() && (source.charAt(at) == ' ' || source.charAt(at) == '\t'
                    || source.charAt(at) == '\n' || source.charAt(at) == '\r')) {
                at++;
            }
            if (at == source.length()) {
                tokens.add(new Token(Kind.END, "", at));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = at;
        char c = source.charAt(at);
        if (c == '"') {
            return string(start);
        }
        if (Character.isDigit(c) || (c == '-' && at + 1 < source.length() && Character.isDigit(source.charAt(at + 1)))) {
            at++;
            while (at < source.length() && (Character.isDigit(source.charAt(at)) || source.charAt(at) == '.')) {
                at++;
            }
            return new Token(Kind.NUMBER, source.substring(start, at), start);
        }
        if (isNameStart(c)) {
            while (at < source.length() && isNamePart(source.charAt(at))) {
                at++;
            }
            String word = source.substring(start, at);
            Kind keyword = KEYWORDS.get(word.toLowerCase(Locale.ROOT));
            return new Token(keyword != null ? keyword : Kind.NAME, word, start);
        }
        at++;
        return switch (c) {
            case '(' -> new Token(Kind.OPEN, "(", start);
            case ')' -> new Token(Kind.CLOSE, ")", start);
            case '[' -> new Token(Kind.OPEN_LIST, "[", start);
            case ']' -> new Token(Kind.CLOSE_LIST, "]", start);
            case ',' -> new Token(Kind.COMMA, ",", start);
            case '=' -> expect('=', Kind.EQ, "==", start);
            case '!' -> expect('=', Kind.NE, "!=", start);
            case '<' -> optional('=', Kind.LE, Kind.LT, start);
            case '>' -> optional('=', Kind.GE, Kind.GT, start);
            default -> throw new PolicySyntaxException("Unexpected character '" + printable(c) + "'", start);
        };
    }

    private Token string(int start) {
        StringBuilder text = new StringBuilder();
        at++;
        while (at < source.length()) {
            char c = source.charAt(at++);
            if (c == '"') {
                return new Token(Kind.STRING, text.toString(), start);
            }
            if (c == '\\' && at < source.length()) {
                c = source.charAt(at++);
                if (c != '"' && c != '\\') {
                    throw new PolicySyntaxException("Only \\\" and \\\\ may be escaped in text", at - 2);
                }
            } else if (Character.isISOControl(c)) {
                throw new PolicySyntaxException("Control characters are not allowed in text", at - 1);
            }
            if (text.length() == MAX_STRING) {
                throw new PolicySyntaxException("Text longer than " + MAX_STRING + " characters", start);
            }
            text.append(c);
        }
        throw new PolicySyntaxException("Text is not closed with \"", start);
    }

    private Token expect(char second, Kind kind, String spelling, int start) {
        if (at < source.length() && source.charAt(at) == second) {
            at++;
            return new Token(kind, spelling, start);
        }
        throw new PolicySyntaxException("Expected " + spelling, start);
    }

    private Token optional(char second, Kind with, Kind without, int start) {
        if (at < source.length() && source.charAt(at) == second) {
            at++;
            return new Token(with, source.substring(start, at), start);
        }
        return new Token(without, source.substring(start, at), start);
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /** Label names as Prometheus allows them, joined to {@code labels} by a dot. */
    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '.';
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
