package io.srecopilot.audit.system;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How far one consumer group is behind the event stream: events not yet read ({@code lag}, null
 * when Redis cannot count after a trim) and read but not yet acknowledged ({@code pending}).
 */
@RegisterForReflection
public record ConsumerGroupLag(String group, Long lag, long pending, long consumers) {
}
