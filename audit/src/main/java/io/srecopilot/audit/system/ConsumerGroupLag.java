package io.srecopilot.audit.system;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How far one consumer group is behind the event stream: events not yet read ({@code lag}, null
 * when Redis cannot count after a trim) and read but not yet acknowledged ({@code pending}); and how
 * many of its consumers read in the last minute ({@code readers}: replicas that stopped stay
 * registered in Redis, so the registered count would overstate it); and how late it is
 * ({@code secondsBehind}: the age of the oldest event it has not processed, 0 when none).
 */
@RegisterForReflection
public record ConsumerGroupLag(String group, Long lag, long pending, long readers, double secondsBehind) {
}
