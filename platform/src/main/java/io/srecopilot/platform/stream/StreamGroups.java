package io.srecopilot.platform.stream;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The consumer groups of a stream as XINFO GROUPS describes them (the client speaks RESP3: one map
 * per group). A stream not created yet has none.
 */
public final class StreamGroups {

    private StreamGroups() {
    }

    /**
     * One group: events not yet read ({@code lag}; null when Redis cannot count it after some trims)
     * and read but not yet acknowledged ({@code pending}).
     */
    public record Group(String name, Long lag, long pending, String lastDeliveredId) {

        /** Everything the group has not processed yet, or null when Redis cannot tell. */
        public Long behind() {
            return lag == null ? null : lag + pending;
        }
    }

    /**
     * How late the group is, in seconds: the age of the oldest event it has not processed (the
     * oldest one read but not acknowledged, or else the first one not read), 0 when it has processed
     * everything. Stream ids start with the milliseconds at which Redis added the entry.
     */
    public static Uni<Double> secondsBehind(ReactiveRedisDataSource redis, String stream, Group group, Instant now) {
        Uni<Long> oldestPending = group.pending() == 0 ? Uni.createFrom().nullItem()
                : redis.execute("XPENDING", stream, group.name())
                        .map(summary -> summary.size() > 1 && summary.get(1) != null ? millisOf(summary.get(1).toString()) : null);
        Uni<Long> firstUnread = Long.valueOf(0).equals(group.lag()) || group.lastDeliveredId() == null
                ? Uni.createFrom().nullItem()
                : redis.execute("XRANGE", stream, "(" + group.lastDeliveredId(), "+", "COUNT", "1")
                        .map(entries -> entries.size() == 0 ? null : millisOf(entries.get(0).get(0).toString()));
        return Uni.combine().all().unis(oldestPending, firstUnread).with((pending, unread) -> {
            if (pending == null && unread == null) {
                return 0.0;
            }
            long oldest = pending == null ? unread : unread == null ? pending : Math.min(pending, unread);
            return Math.max(0, now.toEpochMilli() - oldest) / 1000.0;
        });
    }

    /**
     * A consumer group over every partition of the event stream: the counts summed ({@code lag}
     * null when Redis cannot count one partition's), how late it is the worst partition's.
     */
    public record Across(String name, Long lag, long pending, double secondsBehind) {

        /** Everything the group has not processed yet, or null when Redis cannot tell. */
        public Long behind() {
            return lag == null ? null : lag + pending;
        }

        Across plus(Across other) {
            return new Across(name, lag == null || other.lag == null ? null : lag + other.lag, pending + other.pending,
                    Math.max(secondsBehind, other.secondsBehind));
        }
    }

    /** Every group found on any of the streams, summed over them, in the order first found. */
    public static Uni<List<Across>> across(ReactiveRedisDataSource redis, List<String> streams, Instant now) {
        return across(redis, streams, now, name -> true);
    }

    /**
     * The groups {@code measured} picks found on any of the streams, summed over them: how late a
     * group is costs up to two commands per partition, so a service measuring itself asks only that.
     */
    public static Uni<List<Across>> across(ReactiveRedisDataSource redis, List<String> streams, Instant now,
            Predicate<String> measured) {
        List<Uni<List<Across>>> perStream = streams.stream().map(stream -> of(redis, stream)
                .map(groups -> groups.stream().filter(group -> measured.test(group.name())).toList())
                .chain(groups -> groups.isEmpty() ? Uni.createFrom().item(List.<Across>of())
                        : Uni.join().all(groups.stream().map(group -> secondsBehind(redis, stream, group, now)
                                .map(late -> new Across(group.name(), group.lag(), group.pending(), late))).toList())
                                .andFailFast())).toList();
        return Uni.join().all(perStream).andFailFast().map(all -> {
            Map<String, Across> byName = new LinkedHashMap<>();
            all.forEach(groups -> groups.forEach(group -> byName.merge(group.name(), group, Across::plus)));
            return List.copyOf(byName.values());
        });
    }

    private static long millisOf(String streamId) {
        int dash = streamId.indexOf('-');
        return Long.parseLong(dash < 0 ? streamId : streamId.substring(0, dash));
    }

    public static Uni<List<Group>> of(ReactiveRedisDataSource redis, String stream) {
        return redis.execute("XINFO", "GROUPS", stream).map(answer -> {
            List<Group> groups = new ArrayList<>();
            for (Response group : answer) {
                Response lag = group.get("lag");
                Response pending = group.get("pending");
                Response lastDelivered = group.get("last-delivered-id");
                groups.add(new Group(group.get("name").toString(), lag == null ? null : lag.toLong(),
                        pending == null ? 0 : pending.toLong(), lastDelivered == null ? null : lastDelivered.toString()));
            }
            return groups;
        }).onFailure(failure -> String.valueOf(failure.getMessage()).contains("no such key"))
                .recoverWithItem(List.of());
    }
}
