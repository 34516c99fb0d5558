package io.srecopilot.platform.crypto;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps every {@link SealedColumn} of the service on the current key while it runs: every few
 * minutes (and soon after start) the values sealed with a previous key, or in the first format,
 * are resealed a page at a time, each row replaced only if unchanged meanwhile.
 * {@code sre_secrets_not_current{column}} counts what is left, so operators know when a previous
 * key may be removed (docs/operations.md, "Rotating the encryption key").
 */
@ApplicationScoped
public class SecretRotation {

    private static final Logger LOG = Logger.getLogger(SecretRotation.class);
    private static final int PAGE = 200;

    private final List<SealedColumn> columns;
    private final Instance<SecretBox> box;
    private final Instance<Pool> pool;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> notCurrent = new ConcurrentHashMap<>();

    public SecretRotation(@Any Instance<SealedColumn> columns, Instance<SecretBox> box, Instance<Pool> pool,
            MeterRegistry registry) {
        this.columns = columns.stream().toList();
        this.box = box;
        this.pool = pool;
        this.registry = registry;
        // Registered at start, so a dashboard shows each column before the first pass.
        this.columns.forEach(this::gauge);
    }

    @Scheduled(every = "${sre.encryption.reseal-interval:5m}", delayed = "${sre.encryption.reseal-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return resealAll().replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Resealing secrets failed, to be tried again: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    /** Reseals what is not on the current key in every column; emits how many values were resealed. */
    public Uni<Integer> resealAll() {
        if (columns.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Uni<Integer> total = Uni.createFrom().item(0);
        for (SealedColumn column : columns) {
            total = total.chain(sofar -> resealFrom(column, sofar).call(() -> count(column)));
        }
        return total;
    }

    /** How many values of the column are not sealed with the current key (as of the last pass). */
    public long notCurrent(SealedColumn column) {
        return gauge(column).get();
    }

    private Uni<Integer> resealFrom(SealedColumn column, int sofar) {
        SecretBox secrets = box.get();
        return pool.get().preparedQuery(column.staleRows()).execute(Tuple.of(secrets.currentPrefix() + "%", PAGE))
                .chain(rows -> {
                    List<Row> page = new ArrayList<>();
                    rows.forEach(page::add);
                    Uni<Integer> resealed = Uni.createFrom().item(0);
                    for (Row row : page) {
                        resealed = resealed.chain(count -> reseal(column, secrets, row).map(done -> count + done));
                    }
                    // A page of values that cannot be resealed (an unknown key) ends the pass rather than loop.
                    return resealed.chain(count -> page.size() == PAGE && count > 0
                            ? resealFrom(column, sofar + count) : Uni.createFrom().item(sofar + count));
                });
    }

    private Uni<Integer> reseal(SealedColumn column, SecretBox secrets, Row row) {
        Object id = row.getValue("id");
        String sealed = row.getString("sealed");
        String resealed;
        try {
            resealed = secrets.reseal(sealed, column.owner(id));
        } catch (IllegalArgumentException e) {
            LOG.errorf("%s of %s cannot be resealed (%s): is a previous key missing from SRE_ENCRYPTION_PREVIOUS_KEYS?",
                    column.label(), id, e.getMessage());
            return Uni.createFrom().item(0);
        }
        return pool.get().preparedQuery(column.replace()).execute(Tuple.of(resealed, id, sealed))
                .map(result -> result.rowCount());
    }

    private Uni<Void> count(SealedColumn column) {
        return pool.get().preparedQuery(column.countStale()).execute(Tuple.of(box.get().currentPrefix() + "%"))
                .invoke(rows -> gauge(column).set(rows.iterator().next().getLong("stale")))
                .replaceWithVoid();
    }

    private AtomicLong gauge(SealedColumn column) {
        return notCurrent.computeIfAbsent(column.label(), label -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("sre.secrets.not.current", value, AtomicLong::get)
                    .description("Sealed secrets not yet on the current encryption key")
                    .tag("column", label).register(registry);
            return value;
        });
    }
}
