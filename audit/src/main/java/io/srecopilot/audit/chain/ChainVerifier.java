package io.srecopilot.audit.chain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.AuditRecord;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Walks a tenant's chain from its latest checkpoint to its head, a page at a time, recomputing
 * every hash: a gap in the numbers, a previous hash that is not the one before, a hash that is not
 * the record's, or a head the records do not reach is a break, reported with the first record it
 * concerns.
 */
@ApplicationScoped
public class ChainVerifier {

    static final int PAGE = 500;

    public Uni<ChainReport> verify(UUID tenantId) {
        UUID chain = AuditChain.chainOf(tenantId);
        return Panache.withSession(() -> start(chain).chain(from -> head(chain).chain(head -> walk(tenantId,
                new Progress(from.seq(), from.hash(), 0), head).map(report -> report(from.seq(), head, report)))));
    }

    private static ChainReport report(long fromSeq, Position head, Progress end) {
        ChainReport.Break found = end.broken();
        if (found == null && (end.seq() != head.seq() || !end.hash().equals(head.hash()))) {
            found = new ChainReport.Break(end.seq() + 1, null,
                    "the chain's head is record " + head.seq() + " but the records end at " + end.seq());
        }
        return new ChainReport(found == null, end.checked(), fromSeq + 1, head.seq(), found, Timestamps.now());
    }

    private Uni<Progress> walk(UUID tenantId, Progress progress, Position head) {
        if (progress.broken() != null || progress.seq() >= head.seq()) {
            return Uni.createFrom().item(progress);
        }
        return page(tenantId, progress.seq()).chain(records -> {
            if (records.isEmpty()) {
                return Uni.createFrom().item(progress);
            }
            Progress next = progress;
            for (AuditRecord record : records) {
                next = next.check(record);
                if (next.broken() != null) {
                    break;
                }
            }
            return walk(tenantId, next, head);
        });
    }

    private static Uni<List<AuditRecord>> page(UUID tenantId, long afterSeq) {
        String tenant = tenantId == null ? "tenantId is null" : "tenantId = :tenantId";
        Parameters parameters = Parameters.with("after", afterSeq);
        if (tenantId != null) {
            parameters.and("tenantId", tenantId);
        }
        return AuditRecord.<AuditRecord>find(tenant + " and seq > :after order by seq", parameters)
                .range(0, PAGE - 1).list();
    }

    private static Uni<Position> start(UUID chain) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT seq, hash FROM audit_checkpoint WHERE chain_id = :chain ORDER BY seq DESC LIMIT 1", Object[].class)
                .setParameter("chain", chain).getResultList())
                .map(rows -> rows.isEmpty() ? new Position(0, AuditChain.GENESIS)
                        : new Position(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]));
    }

    private static Uni<Position> head(UUID chain) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT seq, head_hash FROM audit_chain WHERE chain_id = :chain", Object[].class)
                .setParameter("chain", chain).getResultList())
                .map(rows -> rows.isEmpty() ? new Position(0, AuditChain.GENESIS)
                        : new Position(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]));
    }

    private record Position(long seq, String hash) {
    }

    /** The last record that held, how many were checked, and the break when one was found. */
    private record Progress(long seq, String hash, long checked, ChainReport.Break broken) {

        Progress(long seq, String hash, long checked) {
            this(seq, hash, checked, null);
        }

        Progress check(AuditRecord record) {
            String id = record.id.toString();
            if (record.seq != seq + 1) {
                return broken(new ChainReport.Break(seq + 1, id, "record " + (seq + 1) + " is missing; the next is "
                        + record.seq));
            }
            if (!hash.equals(record.prevHash)) {
                return broken(new ChainReport.Break(record.seq, id, "its previous hash is not the hash of record " + seq));
            }
            if (!CanonicalRecord.hash(record.prevHash, record).equals(record.hash)) {
                return broken(new ChainReport.Break(record.seq, id, "its content does not match its hash: it was altered"));
            }
            return new Progress(record.seq, record.hash, checked + 1, null);
        }

        private Progress broken(ChainReport.Break found) {
            return new Progress(seq, hash, checked, found);
        }
    }
}
