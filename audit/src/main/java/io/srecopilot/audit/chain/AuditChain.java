package io.srecopilot.audit.chain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.AuditRecord;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Appends records to their tenant's hash chain: the chain's head is locked, the record numbered
 * after it and hashed over the head's hash, and the head moved on, all in the caller's
 * transaction. Appends to one tenant's chain thus happen one at a time, on any replica.
 */
@ApplicationScoped
public class AuditChain {

    /** The hash before a chain's first record. */
    public static final String GENESIS = "0".repeat(64);
    /** The chain of records that belong to no tenant (system events). */
    public static final UUID NO_TENANT = new UUID(0, 0);

    public Uni<AuditRecord> append(AuditRecord record) {
        UUID chain = chainOf(record.tenantId);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO audit_chain (chain_id, seq, head_hash, updated_at) VALUES (:chain, 0, :genesis, :now)
                ON CONFLICT (chain_id) DO NOTHING""")
                .setParameter("chain", chain).setParameter("genesis", GENESIS).setParameter("now", Timestamps.now())
                .executeUpdate()
                .chain(() -> session.createNativeQuery(
                        "SELECT seq, head_hash FROM audit_chain WHERE chain_id = :chain FOR UPDATE", Object[].class)
                        .setParameter("chain", chain).getSingleResult())
                .chain(head -> {
                    record.seq = ((Number) head[0]).longValue() + 1;
                    record.prevHash = (String) head[1];
                    record.hash = CanonicalRecord.hash(record.prevHash, record);
                    return session.persist(record).call(session::flush)
                            .chain(() -> session.createNativeQuery("""
                                    UPDATE audit_chain SET seq = :seq, head_hash = :hash, updated_at = :now
                                    WHERE chain_id = :chain""")
                                    .setParameter("seq", record.seq).setParameter("hash", record.hash)
                                    .setParameter("now", Timestamps.now()).setParameter("chain", chain).executeUpdate());
                })
                .replaceWith(record));
    }

    public static UUID chainOf(UUID tenantId) {
        return tenantId == null ? NO_TENANT : tenantId;
    }
}
