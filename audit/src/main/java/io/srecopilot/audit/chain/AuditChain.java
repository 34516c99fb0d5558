package io.srecopilot.audit.chain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.AuditRecord;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Appends records to their tenants' hash chains: the chains' heads are locked, each record
 * numbered after its chain's head and hashed over the record before, and the heads moved on, all in
 * the caller's transaction. Appends to one tenant's chain thus happen one at a time, on any
 * replica; heads are locked in id order, so two replicas never wait on each other in a circle.
 * A whole batch takes three statements and its inserts, however many tenants it spans.
 */
@ApplicationScoped
public class AuditChain {

    /** The hash before a chain's first record. */
    public static final String GENESIS = "0".repeat(64);
    /** The chain of records that belong to no tenant (system events). */
    public static final UUID NO_TENANT = new UUID(0, 0);

    /** Appends in the given order within each tenant's chain. */
    public Uni<Void> appendAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, List<AuditRecord>> byChain = records.stream()
                .collect(Collectors.groupingBy(record -> chainOf(record.tenantId), TreeMap::new, Collectors.toList()));
        Instant now = Timestamps.now();
        return Panache.getSession().chain(session -> lockHeads(session, byChain.keySet(), now)
                .chain(heads -> {
                    List<Head> moved = new ArrayList<>();
                    byChain.forEach((chain, appended) -> moved.add(link(heads.get(chain), appended)));
                    return session.persistAll(records.toArray()).call(session::flush)
                            .call(() -> moveHeads(session, moved, now));
                })
                .replaceWithVoid());
    }

    /** A chain's head: its last record's number and hash. */
    private record Head(UUID chain, long seq, String hash) {
    }

    /** Numbers and hashes the records after the head; answers the new head. */
    private static Head link(Head head, List<AuditRecord> records) {
        long seq = head.seq();
        String hash = head.hash();
        for (AuditRecord record : records) {
            record.seq = ++seq;
            record.prevHash = hash;
            record.hash = CanonicalRecord.hash(hash, record);
            hash = record.hash;
        }
        return new Head(head.chain(), seq, hash);
    }

    /** Creates missing heads and locks them all, in one statement (DO UPDATE locks each row, in the given order). */
    private static Uni<Map<UUID, Head>> lockHeads(Mutiny.Session session, Iterable<UUID> chains, Instant now) {
        StringBuilder sql = new StringBuilder("INSERT INTO audit_chain (chain_id, seq, head_hash, updated_at) VALUES ");
        List<UUID> ids = new ArrayList<>();
        chains.forEach(ids::add);
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:c").append(i).append(", 0, :genesis, :now)");
        }
        sql.append(" ON CONFLICT (chain_id) DO UPDATE SET chain_id = EXCLUDED.chain_id RETURNING chain_id, seq, head_hash");
        var query = session.createNativeQuery(sql.toString(), Object[].class).setParameter("genesis", GENESIS)
                .setParameter("now", now);
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter("c" + i, ids.get(i));
        }
        return query.getResultList().map(rows -> rows.stream().map(row -> new Head((UUID) row[0],
                ((Number) row[1]).longValue(), (String) row[2])).collect(Collectors.toMap(Head::chain, head -> head)));
    }

    private static Uni<Integer> moveHeads(Mutiny.Session session, List<Head> heads, Instant now) {
        StringBuilder sql = new StringBuilder("UPDATE audit_chain AS c SET seq = v.seq, head_hash = v.hash, updated_at = :now FROM (VALUES ");
        for (int i = 0; i < heads.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(:c").append(i).append(" AS uuid), CAST(:s").append(i)
                    .append(" AS bigint), CAST(:h").append(i).append(" AS text))");
        }
        sql.append(") AS v (chain_id, seq, hash) WHERE c.chain_id = v.chain_id");
        var query = session.createNativeQuery(sql.toString()).setParameter("now", now);
        for (int i = 0; i < heads.size(); i++) {
            query.setParameter("c" + i, heads.get(i).chain()).setParameter("s" + i, heads.get(i).seq())
                    .setParameter("h" + i, heads.get(i).hash());
        }
        return query.executeUpdate();
    }

    public static UUID chainOf(UUID tenantId) {
        return tenantId == null ? NO_TENANT : tenantId;
    }
}
