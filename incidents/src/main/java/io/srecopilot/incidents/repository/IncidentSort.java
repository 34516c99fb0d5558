package io.srecopilot.incidents.repository;

import io.srecopilot.incidents.Incident;
import io.srecopilot.platform.rest.Cursor;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

/** The orders an incident list can be in; each is a (time, id) order so cursors stay stable. */
public enum IncidentSort {
    NEWEST_DETECTED("-detectedAt", "detected_at", true, incident -> incident.detectedAt),
    OLDEST_DETECTED("detectedAt", "detected_at", false, incident -> incident.detectedAt),
    RECENTLY_UPDATED("-updatedAt", "updated_at", true, incident -> incident.updatedAt),
    LEAST_RECENTLY_UPDATED("updatedAt", "updated_at", false, incident -> incident.updatedAt);

    private final String parameter;
    private final String column;
    private final boolean descending;
    private final Function<Incident, Instant> key;

    IncidentSort(String parameter, String column, boolean descending, Function<Incident, Instant> key) {
        this.parameter = parameter;
        this.column = column;
        this.descending = descending;
        this.key = key;
    }

    /** @return the sort a {@code sort} query parameter names, or null when it names none */
    public static IncidentSort ofParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst().orElse(null);
    }

    public static String parameters() {
        return String.join(", ", Arrays.stream(values()).map(sort -> sort.parameter).toList());
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return column + direction + ", id" + direction;
    }

    /** Rows after the cursor in this order. */
    String after() {
        String comparison = descending ? "<" : ">";
        return "(" + column + ", id) " + comparison + " (:cursorAt, :cursorId)";
    }

    public Cursor cursorOf(Incident incident) {
        return new Cursor(key.apply(incident), incident.id);
    }
}
