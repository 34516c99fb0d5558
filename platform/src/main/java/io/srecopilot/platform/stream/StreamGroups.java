package io.srecopilot.platform.stream;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

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
    public record Group(String name, Long lag, long pending) {

        /** Everything the group has not processed yet, or null when Redis cannot tell. */
        public Long behind() {
            return lag == null ? null : lag + pending;
        }
    }

    public static Uni<List<Group>> of(ReactiveRedisDataSource redis, String stream) {
        return redis.execute("XINFO", "GROUPS", stream).map(answer -> {
            List<Group> groups = new ArrayList<>();
            for (Response group : answer) {
                Response lag = group.get("lag");
                Response pending = group.get("pending");
                groups.add(new Group(group.get("name").toString(), lag == null ? null : lag.toLong(),
                        pending == null ? 0 : pending.toLong()));
            }
            return groups;
        }).onFailure(failure -> String.valueOf(failure.getMessage()).contains("no such key"))
                .recoverWithItem(List.of());
    }
}
