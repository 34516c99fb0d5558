package io.srecopilot.platform.rest;

import io.srecopilot.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a list ordered newest first by (time, id): opaque to clients, stable while rows
 * are added, so pages never skip or repeat a row.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for a missing cursor; a 400 problem for one this API did not issue */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
