package io.srecopilot.audit.chain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Removes each tenant's audit records older than its retention (365 days unless its owner set
 * another), a chain at a time: the chain's head is claimed ({@code SKIP LOCKED}, so replicas share
 * the work), a checkpoint keeps the last removed record's number and hash so the rest of the chain
 * still verifies, then the records go. Only this job may delete audit records.
 */
@ApplicationScoped
public class AuditRetention {

    static final int DEFAULT_DAYS = 365;
    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    @Scheduled(every = "${sre.audit.retention-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge(Timestamps.now()).onFailure().invoke(failure -> LOG.warn("Audit retention failed", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Purges as of {@code now}; emits how many records were removed. */
    public Uni<Long> purge(Instant now) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT c.chain_id, COALESCE(r.days, :default) FROM audit_chain c
                LEFT JOIN audit_retention r ON r.tenant_id = c.chain_id""", Object[].class)
                .setParameter("default", DEFAULT_DAYS).getResultList()))
                .chain(chains -> Multi.createFrom().iterable(chains)
                        .onItem().transformToUniAndConcatenate(row -> purgeChain((UUID) row[0],
                                now.minus(Duration.ofDays(((Number) row[1]).longValue()))))
                        .collect().with(Collectors.summingLong(Long::longValue)));
    }

    private Uni<Long> purgeChain(UUID chain, Instant cutoff) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT seq FROM audit_chain WHERE chain_id = :chain FOR UPDATE SKIP LOCKED", Object.class)
                .setParameter("chain", chain).getResultList()
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(List.<Object[]>of())
                        : session.createNativeQuery("""
                                SELECT seq, hash FROM audit_record
                                WHERE COALESCE(tenant_id, :nil) = :chain AND seq IS NOT NULL AND recorded_at < :cutoff
                                ORDER BY seq DESC LIMIT 1""", Object[].class)
                                .setParameter("nil", AuditChain.NO_TENANT).setParameter("chain", chain)
                                .setParameter("cutoff", cutoff).getResultList())
                .chain(last -> last.isEmpty() ? Uni.createFrom().item(0L) : session.createNativeQuery("""
                        INSERT INTO audit_checkpoint (chain_id, seq, hash, created_at) VALUES (:chain, :seq, :hash, :now)
                        ON CONFLICT DO NOTHING""")
                        .setParameter("chain", chain).setParameter("seq", ((Number) last.get(0)[0]).longValue())
                        .setParameter("hash", last.get(0)[1]).setParameter("now", Timestamps.now()).executeUpdate()
                        .chain(() -> session.createNativeQuery("SELECT set_config('sre.audit_retention', 'on', true)")
                                .getSingleResult())
                        .chain(() -> session.createNativeQuery("""
                                DELETE FROM audit_record WHERE COALESCE(tenant_id, :nil) = :chain
                                AND (seq <= :seq OR (seq IS NULL AND recorded_at < :cutoff))""")
                                .setParameter("nil", AuditChain.NO_TENANT).setParameter("chain", chain)
                                .setParameter("seq", ((Number) last.get(0)[0]).longValue())
                                .setParameter("cutoff", cutoff).executeUpdate())
                        .map(Integer::longValue))));
    }
}
