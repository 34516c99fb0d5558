package io.srecopilot.platform.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.testing.PrivateRedisResource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Replicas of one consumer group sharing the partitions through leases in the real Redis. */
@QuarkusTest
@QuarkusTestResource(PrivateRedisResource.class)
class PartitionLeasesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration TTL = Duration.ofMillis(600);

    @Inject
    ReactiveRedisDataSource redis;

    private final String group = "leases-" + UUID.randomUUID();

    @Test
    void aLoneReplicaReadsEveryPartitionAtOnce() {
        PartitionLeases alone = member("a", 4);
        assertEquals(Set.of(0, 1, 2, 3), settle(alone));
    }

    @Test
    void aSecondReplicaGetsHalfOnceTheFirstGivesItBack() {
        PartitionLeases first = member("a", 4);
        PartitionLeases second = member("b", 4);
        settle(first);
        assertEquals(Set.of(), settle(second), "all four are held by the first");

        assertEquals(2, settle(first).size(), "the first gives back what exceeds its share");
        assertEquals(2, settle(second).size());
        assertSharedOnce(4, first, second);
    }

    @Test
    void aPartitionWithEventsHeldBackIsKeptUntilTheyAreDone() {
        PartitionLeases first = member("a", 4);
        PartitionLeases second = member("b", 4);
        settle(first);
        settle(second);
        // Partitions 1 to 3 still have events held back behind a failure: only 0 can go.
        assertEquals(Set.of(1, 2, 3), first.settle(partition -> partition > 0).await().atMost(WAIT));
        assertEquals(Set.of(0), settle(second));

        assertEquals(Set.of(1, 2), first.settle(partition -> false).await().atMost(WAIT), "done: the last given back");
        assertEquals(Set.of(0, 3), settle(second));
        assertEquals(Set.of(0, 3), second.takeFreshlyClaimed(), "claimed since asked last");
        assertEquals(Set.of(), second.takeFreshlyClaimed());
    }

    @Test
    void sharesThatDoNotDivideStillCoverEveryPartitionOnce() {
        List<PartitionLeases> members = IntStream.range(0, 3).mapToObj(i -> member("m" + i, 8)).toList();
        for (int round = 0; round < 3; round++) {
            members.forEach(this::settle);
        }
        assertEquals(List.of(3, 3, 2), members.stream().map(member -> member.held().size()).toList());
        assertSharedOnce(8, members.toArray(PartitionLeases[]::new));
    }

    @Test
    void theSurvivorTakesOverADeadReplicasPartitionsWhenTheirLeasesRunOut() throws InterruptedException {
        PartitionLeases survivor = member("a", 4);
        PartitionLeases dying = member("b", 4);
        settleInTurn(survivor, dying);
        assertSharedOnce(4, survivor, dying);

        // The dying one renews no more; the survivor renews while the other's leases run out.
        for (int i = 0; i < 4; i++) {
            Thread.sleep(TTL.toMillis() / 3);
            survivor.renew().await().atMost(WAIT);
        }
        assertEquals(Set.of(0, 1, 2, 3), settle(survivor));
    }

    @Test
    void aReplicaThatShutsDownHandsOverAtOnce() {
        PartitionLeases staying = member("a", 4);
        PartitionLeases leaving = member("b", 4);
        settleInTurn(staying, leaving);
        assertEquals(2, leaving.held().size());

        leaving.releaseAll().await().atMost(WAIT);
        assertEquals(Set.of(), leaving.held());
        assertEquals(Set.of(0, 1, 2, 3), settle(staying), "no wait for the leases to expire");
    }

    @Test
    void aLeaseTakenByAnotherWhileThisOneStalledIsForgottenAtTheNextRenewal() throws InterruptedException {
        PartitionLeases stalled = member("a", 1);
        PartitionLeases other = member("b", 1);
        assertEquals(Set.of(0), settle(stalled));

        Thread.sleep(TTL.toMillis() + 200);
        assertEquals(Set.of(0), settle(other), "the other claims the expired lease");
        stalled.renew().await().atMost(WAIT);
        assertEquals(Set.of(), stalled.held(), "the stalled one no longer reads it");
    }

    @Test
    void settlingIsThrottledWhileSomethingIsHeld() {
        // Leases long enough that the test never reaches the next settling time.
        PartitionLeases first = new PartitionLeases(redis, group, "a", 2, Duration.ofMinutes(1), Clock.systemUTC());
        PartitionLeases second = new PartitionLeases(redis, group, "b", 2, Duration.ofMinutes(1), Clock.systemUTC());
        assertEquals(Set.of(0, 1), first.settleIfDue(partition -> false).await().atMost(WAIT));
        settle(second);
        assertEquals(Set.of(0, 1), first.settleIfDue(partition -> false).await().atMost(WAIT), "not due yet: no Redis round trip");
        assertEquals(1, settle(first).size(), "settled when asked outright");
    }

    private PartitionLeases member(String name, int partitions) {
        return new PartitionLeases(redis, group, name, partitions, TTL, Clock.systemUTC());
    }

    /** Two rounds of each member settling in turn: the first gives back, the second claims. */
    private void settleInTurn(PartitionLeases first, PartitionLeases second) {
        for (int round = 0; round < 2; round++) {
            settle(first);
            settle(second);
        }
    }

    private SortedSet<Integer> settle(PartitionLeases member) {
        return member.settle().await().atMost(WAIT);
    }

    private static void assertSharedOnce(int partitions, PartitionLeases... members) {
        Set<Integer> seen = new HashSet<>();
        for (PartitionLeases member : members) {
            for (int partition : member.held()) {
                assertTrue(seen.add(partition), "partition " + partition + " held twice");
            }
        }
        assertEquals(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()), seen);
    }
}
