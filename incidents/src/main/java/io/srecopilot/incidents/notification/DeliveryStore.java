package io.srecopilot.incidents.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Claims due deliveries for one sender; several replicas claim side by side (SKIP LOCKED). */
@ApplicationScoped
public class DeliveryStore {

    // A row is due when it waits for its next attempt, or when the sender that held it let its
    // lease run out (it crashed or hung); claiming counts the attempt and takes the lease.
    private static final String CLAIM = """
            UPDATE notification_delivery SET status = 'sending', attempts = attempts + 1,
                   lease_until = now() + CAST(:leaseMillis AS bigint) * interval '1 millisecond'
            WHERE id IN (
                SELECT id FROM notification_delivery
                WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now())
                ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING CAST(id AS text)""";

    /** Must run in a transaction; answers the ids claimed. */
    public Uni<List<UUID>> claim(int limit, Duration lease) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, String.class)
                .setParameter("leaseMillis", lease.toMillis())
                .setParameter("limit", limit)
                .getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }
}
