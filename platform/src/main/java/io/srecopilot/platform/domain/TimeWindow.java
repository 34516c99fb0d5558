package io.srecopilot.platform.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;

/**
 * A window as people read it, in the largest unit that states it exactly ({@code 15 minutes},
 * {@code 90 seconds}); how correlation reasons show the window they applied.
 */
@RegisterForReflection // in alertgroup.* events, written by Jackson outside REST
public record TimeWindow(long value, String unit) {

    public static TimeWindow of(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return new TimeWindow(seconds / 3600, "hours");
        }
        return seconds % 60 == 0 ? new TimeWindow(seconds / 60, "minutes") : new TimeWindow(seconds, "seconds");
    }

    /** "15 minutes", "1 hour". */
    public String describe() {
        return value + " " + (value == 1 ? unit.substring(0, unit.length() - 1) : unit);
    }
}
