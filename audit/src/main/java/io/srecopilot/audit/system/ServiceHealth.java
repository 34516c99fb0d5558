package io.srecopilot.audit.system;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One service as its readiness endpoint described it: {@code UP}, {@code DOWN} (it answered and
 * some check failed) or {@code UNREACHABLE} (no answer in time), with each check's name and status
 * (never the checks' data, which can name hosts), and how long it took to answer.
 */
@RegisterForReflection
public record ServiceHealth(String name, String status, List<Check> checks, Long responseMillis, String error) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    public static final String UNREACHABLE = "UNREACHABLE";

    @RegisterForReflection
    public record Check(String name, String status) {
    }

    public boolean up() {
        return UP.equals(status);
    }
}
