package io.srecopilot.audit;

import java.time.Instant;
import java.util.List;

/** What happened in a range: actions per day, who acted most, and how many actions failed or were refused. */
public record AuditStats(Instant from, Instant to, List<Day> actionsPerDay, List<ActorCount> topActors,
        long failures) {

    public record Day(String day, long actions) {
    }

    public record ActorCount(String type, String id, long actions) {
    }
}
