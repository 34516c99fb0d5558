package io.srecopilot.incidents.rest;

/**
 * Reads the version a client expects from {@code If-Match}, and writes the {@code ETag} it
 * compares against: the incident's version, quoted.
 */
public final class IfMatch {

    /** A version no incident has, so an If-Match that names no version fails its precondition. */
    private static final long NO_VERSION = -1;

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @return null when there is no precondition ({@code If-Match} absent or {@code *}) */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }
}
