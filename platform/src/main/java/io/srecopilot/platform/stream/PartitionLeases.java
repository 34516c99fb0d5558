package io.srecopilot.platform.stream;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.IntPredicate;

/**
 * Which partitions of the event stream one replica of a consumer group reads, so that the
 * replicas share the partitions and each partition (each project's events, in order) is read by
 * one replica at a time.
 *
 * <p>A replica claims a partition with a lease in Redis ({@code SET NX PX}) that it renews a third
 * of its time apart; a replica that dies loses its leases when they expire. Live replicas announce
 * themselves in a sorted set scored by when their heartbeat runs out; each takes its fair share of
 * the partitions (the member list sorted by name, the first ones taking one more when the count
 * does not divide), gives back what it holds beyond it and claims free ones up to it. A replica
 * gives a partition back only between reads, after the events it read from it were processed, and
 * not while it holds back some of them behind a failure, so the next holder starts where it left off. Keys carry the group as a hash tag, so the scripts work
 * on a Redis Cluster too.
 *
 * <p>Should a replica stall past its lease (a long pause), two replicas may read one partition for
 * a moment: the handlers' de-duplication by event id and their row locks keep that safe, at the
 * cost of order for the events read in that moment.
 */
public final class PartitionLeases {

    /** Renews (or, with a time of 0, deletes) each key still held by ARGV[1]; answers 1 or 0 per key. */
    private static final String RENEW = """
            local held = {}
            for i, key in ipairs(KEYS) do
              if redis.call('get', key) == ARGV[1] then
                if ARGV[2] == '0' then redis.call('del', key) else redis.call('pexpire', key, ARGV[2]) end
                held[i] = 1
              else
                held[i] = 0
              end
            end
            return held
            """;

    /** Claims free keys, in order, until ARGV[3] are claimed; answers the 0-based positions claimed. */
    private static final String CLAIM = """
            local claimed = {}
            for i, key in ipairs(KEYS) do
              if #claimed >= tonumber(ARGV[3]) then break end
              if redis.call('set', key, ARGV[1], 'NX', 'PX', ARGV[2]) then claimed[#claimed + 1] = i - 1 end
            end
            return claimed
            """;

    /** Records this member's heartbeat, forgets expired members; answers the live members. */
    private static final String HEARTBEAT = """
            redis.call('zadd', KEYS[1], ARGV[2], ARGV[1])
            redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[3])
            return redis.call('zrangebyscore', KEYS[1], ARGV[3], '+inf')
            """;

    private final ReactiveRedisDataSource redis;
    private final String prefix;
    private final String member;
    private final int partitions;
    private final Duration ttl;
    private final Clock clock;
    private final Set<Integer> held = new ConcurrentSkipListSet<>();
    private final Set<Integer> freshlyClaimed = new ConcurrentSkipListSet<>();
    private volatile long nextSettle;

    public PartitionLeases(ReactiveRedisDataSource redis, String group, String member, int partitions, Duration ttl,
            Clock clock) {
        if (partitions < 1) {
            throw new IllegalArgumentException("sre.events.partitions must be at least 1, not " + partitions);
        }
        this.redis = redis;
        this.prefix = "sre:leases:{" + group + "}:";
        this.member = member;
        this.partitions = partitions;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The partitions held now, in order. */
    public SortedSet<Integer> held() {
        return new TreeSet<>(held);
    }

    /**
     * The partitions claimed since the last call: what their previous holders left pending is to
     * be dealt with before anything new is read from them.
     */
    public SortedSet<Integer> takeFreshlyClaimed() {
        SortedSet<Integer> fresh = new TreeSet<>(freshlyClaimed);
        freshlyClaimed.removeAll(fresh);
        return fresh;
    }

    /** Time between renewals: a third of the lease, so two renewals may fail before it runs out. */
    public Duration renewal() {
        return ttl.dividedBy(3);
    }

    /**
     * Between reads: claims and gives back partitions towards this replica's fair share, at most
     * once a renewal period (at once while it holds none), keeping those {@code busy} says still
     * have work here; emits what it holds afterwards.
     */
    public Uni<SortedSet<Integer>> settleIfDue(IntPredicate busy) {
        long now = clock.millis();
        if (!held.isEmpty() && now < nextSettle) {
            return Uni.createFrom().item(held());
        }
        nextSettle = now + renewal().toMillis();
        return settle(busy);
    }

    /** Announces this member, then moves its holding to its fair share of the partitions. */
    public Uni<SortedSet<Integer>> settle() {
        return settle(partition -> false);
    }

    /**
     * Announces this member, then moves its holding towards its fair share of the partitions,
     * giving back the last ones that are not {@code busy} (a busy one stays until a later turn).
     */
    public Uni<SortedSet<Integer>> settle(IntPredicate busy) {
        long now = clock.millis();
        return redis.execute("EVAL", HEARTBEAT, "1", prefix + "members", member,
                Long.toString(now + ttl.toMillis()), Long.toString(now))
                .map(PartitionLeases::names)
                .chain(members -> {
                    int share = shareOf(members);
                    return held.size() > share ? release(releasable(held.size() - share, busy))
                            : held.size() < share ? claim(share - held.size()) : Uni.createFrom().voidItem();
                })
                .map(ignored -> held());
    }

    /** Keeps the leases alive; forgets those another replica has taken meanwhile. */
    public Uni<Void> renew() {
        List<Integer> mine = List.copyOf(held());
        long now = clock.millis();
        Uni<Void> heartbeat = redis.execute("ZADD", prefix + "members", Long.toString(now + ttl.toMillis()), member)
                .replaceWithVoid();
        return mine.isEmpty() ? heartbeat : heartbeat.chain(() -> renewOrDelete(mine, ttl.toMillis()))
                .invoke(kept -> forgetLost(mine, kept)).replaceWithVoid();
    }

    /** Gives every partition back and leaves the member list, so the others take over at once. */
    public Uni<Void> releaseAll() {
        return release(List.copyOf(held()))
                .chain(() -> redis.execute("ZREM", prefix + "members", member)).replaceWithVoid();
    }

    /** Up to {@code excess} held partitions that are not busy, the last ones first. */
    private List<Integer> releasable(int excess, IntPredicate busy) {
        List<Integer> idle = new ArrayList<>(held().stream().filter(partition -> !busy.test(partition)).toList());
        return idle.subList(Math.max(0, idle.size() - excess), idle.size());
    }

    private int shareOf(List<String> members) {
        List<String> sorted = new ArrayList<>(members);
        if (!sorted.contains(member)) {
            sorted.add(member);
        }
        sorted.sort(null);
        int index = sorted.indexOf(member);
        return partitions / sorted.size() + (index < partitions % sorted.size() ? 1 : 0);
    }

    private Uni<Void> release(List<Integer> partitionsToRelease) {
        if (partitionsToRelease.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return renewOrDelete(partitionsToRelease, 0).invoke(() -> held.removeAll(partitionsToRelease)).replaceWithVoid();
    }

    private Uni<List<Boolean>> renewOrDelete(List<Integer> partitionList, long millis) {
        List<String> args = new ArrayList<>();
        args.add(RENEW);
        args.add(Integer.toString(partitionList.size()));
        partitionList.forEach(partition -> args.add(key(partition)));
        args.add(member);
        args.add(Long.toString(millis));
        return redis.execute("EVAL", args.toArray(String[]::new)).map(answer -> {
            List<Boolean> kept = new ArrayList<>();
            answer.forEach(flag -> kept.add(flag.toLong() == 1));
            return kept;
        });
    }

    private void forgetLost(List<Integer> renewed, List<Boolean> kept) {
        for (int i = 0; i < renewed.size(); i++) {
            if (!kept.get(i)) {
                held.remove(renewed.get(i));
            }
        }
    }

    private Uni<Void> claim(int wanted) {
        List<Integer> free = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            if (!held.contains(partition)) {
                free.add(partition);
            }
        }
        List<String> args = new ArrayList<>();
        args.add(CLAIM);
        args.add(Integer.toString(free.size()));
        free.forEach(partition -> args.add(key(partition)));
        args.add(member);
        args.add(Long.toString(ttl.toMillis()));
        args.add(Integer.toString(wanted));
        return redis.execute("EVAL", args.toArray(String[]::new))
                .invoke(claimed -> claimed.forEach(position -> {
                    int partition = free.get(position.toInteger());
                    held.add(partition);
                    freshlyClaimed.add(partition);
                }))
                .replaceWithVoid();
    }

    private String key(int partition) {
        return prefix + partition;
    }

    private static List<String> names(Response members) {
        List<String> names = new ArrayList<>();
        members.forEach(name -> names.add(name.toString()));
        return names;
    }
}
