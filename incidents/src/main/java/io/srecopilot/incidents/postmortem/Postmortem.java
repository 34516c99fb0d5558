package io.srecopilot.incidents.postmortem;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What an incident taught: written by people after it is resolved, required for LEARNED. */
@Entity
@Table(name = "postmortem")
public class Postmortem extends PanacheEntityBase {

    @Id
    public UUID incidentId;
    public UUID tenantId;
    public UUID projectId;
    public String summary;
    public String impact;
    public String rootCause;
    public UUID confirmedHypothesisId;
    public String confirmedHypothesisClaim;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Details details;
    public String authorId;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** The parts LEARNED needs that are still empty, in the order people write them. */
    public List<String> missingForLearned() {
        List<String> missing = new ArrayList<>();
        if (isBlank(impact)) {
            missing.add("impact");
        }
        if (isBlank(rootCause)) {
            missing.add("root cause");
        }
        return missing;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The postmortem's lists, kept as one JSON object. */
    @RegisterForReflection
    public record Details(List<String> contributingFactors, List<ActionItem> actionItems) {

        public Details {
            contributingFactors = contributingFactors == null ? List.of() : List.copyOf(contributingFactors);
            actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        }
    }

    /** Follow-up work: who owns it, by when, and how far it is. */
    @RegisterForReflection
    public record ActionItem(UUID id, String description, String owner, LocalDate dueDate, String status) {
    }
}
