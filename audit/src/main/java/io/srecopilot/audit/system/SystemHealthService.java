package io.srecopilot.audit.system;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.vertx.http.HttpServer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.stream.StreamGroups;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The System page's answer: every configured service probed at once (this one included, always),
 * and the event stream's consumer groups read from Redis. One answer is shared for {@code sre.system.reuse-for}.
 */
@ApplicationScoped
public class SystemHealthService {

    /** A consumer idle longer than this is not counted as reading (consumers block on reads for seconds). */
    private static final long READER_IDLE_MILLIS = 60_000;

    private final SystemConfig config;
    private final ServiceProbe probe;
    private final ReactiveRedisDataSource redis;
    private final EventsConfig events;
    private final Uni<SystemHealth> shared;
    private final String self;
    private final HttpServer server;

    public SystemHealthService(SystemConfig config, ServiceProbe probe, ReactiveRedisDataSource redis,
            EventsConfig events, @ConfigProperty(name = "quarkus.application.name") String self, HttpServer server) {
        this.config = config;
        this.self = self;
        this.server = server;
        this.probe = probe;
        this.redis = redis;
        this.events = events;
        this.shared = Uni.createFrom().deferred(this::check).memoize().atLeast(config.reuseFor());
    }

    public Uni<SystemHealth> health() {
        return shared;
    }

    Uni<SystemHealth> check() {
        Map<String, String> targets = new TreeMap<>(config.services());
        // This service asks itself where it actually listens (tests and some set-ups pick the port at start).
        targets.put(self, "http://127.0.0.1:" + server.getPort());
        Uni<List<ServiceHealth>> services = Multi.createFrom().iterable(targets.entrySet())
                .onItem().transformToUniAndMerge(service -> probe.probe(service.getKey(), service.getValue()))
                .collect().asList()
                .map(found -> found.stream().sorted(Comparator.comparing(ServiceHealth::name)).toList());
        // A Redis that hangs rather than refuses must not hold the whole answer: the same bound as a probe.
        Uni<Pipeline> pipeline = groups().map(groups -> new Pipeline(groups, null))
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(failure -> new Pipeline(List.of(), "the event stream cannot be read: "
                        + (failure instanceof TimeoutException ? "Redis did not answer in time"
                                : failure.getMessage())));
        return Uni.combine().all().unis(services, pipeline).asTuple().map(both -> new SystemHealth(
                SystemHealth.overall(both.getItem1()), Timestamps.now(), both.getItem1(), both.getItem2().groups(),
                both.getItem2().error()));
    }

    private record Pipeline(List<ConsumerGroupLag> groups, String error) {
    }

    /** Every consumer group of the stream, over all its partitions, with how many of its consumers are reading. */
    private Uni<List<ConsumerGroupLag>> groups() {
        return StreamGroups.across(redis, events.streams(), Timestamps.now())
                .chain(groups -> groups.isEmpty() ? Uni.createFrom().item(List.<ConsumerGroupLag>of())
                        : Uni.join().all(groups.stream().map(this::withReaders).toList()).andFailFast())
                .map(groups -> groups.stream().sorted(Comparator.comparing(ConsumerGroupLag::group)).toList());
    }

    private Uni<ConsumerGroupLag> withReaders(StreamGroups.Across group) {
        return readers(group.name()).map(readers -> new ConsumerGroupLag(group.name(), group.lag(), group.pending(),
                readers, group.secondsBehind()));
    }

    /**
     * Consumers of the group that read within the last minute (XINFO CONSUMERS: idle in
     * milliseconds), each counted once though it reads several partitions.
     */
    private Uni<Long> readers(String group) {
        List<Uni<Set<String>>> perStream = events.streams().stream().map(stream -> redis
                .execute("XINFO", "CONSUMERS", stream, group).map(SystemHealthService::active)
                .onFailure(failure -> String.valueOf(failure.getMessage()).contains("no such key")
                        || String.valueOf(failure.getMessage()).contains("NOGROUP"))
                .recoverWithItem(Set.<String>of())).toList();
        return Uni.join().all(perStream).andFailFast()
                .map(sets -> (long) sets.stream().flatMap(Set::stream).collect(Collectors.toSet()).size());
    }

    private static Set<String> active(Response consumers) {
        Set<String> active = new HashSet<>();
        for (Response consumer : consumers) {
            if (consumer.get("idle").toLong() < READER_IDLE_MILLIS) {
                active.add(consumer.get("name").toString());
            }
        }
        return active;
    }
}
