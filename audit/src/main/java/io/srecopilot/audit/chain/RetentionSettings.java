package io.srecopilot.audit.chain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's audit retention in days: 365 unless its owner set another. */
@ApplicationScoped
public class RetentionSettings {

    public record Retention(int days, boolean custom) {
    }

    public Uni<Retention> of(Caller caller) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT days FROM audit_retention WHERE tenant_id = :tenant", Integer.class)
                .setParameter("tenant", caller.tenantId()).getResultList()))
                .map(rows -> rows.isEmpty() ? new Retention(AuditRetention.DEFAULT_DAYS, false)
                        : new Retention(rows.get(0), true));
    }

    public Uni<Retention> set(Caller caller, int days) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO audit_retention (tenant_id, days, updated_at, updated_by) VALUES (:tenant, :days, :at, :by)
                ON CONFLICT (tenant_id) DO UPDATE SET days = EXCLUDED.days, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""")
                .setParameter("tenant", caller.tenantId()).setParameter("days", days)
                .setParameter("at", Timestamps.now()).setParameter("by", caller.actor().id()).executeUpdate()))
                .replaceWith(new Retention(days, true));
    }
}
