package io.srecopilot.ai.feedback;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One person's verdict on a hypothesis; the suspect service and category say what kind it was. */
@Entity
@Table(name = "hypothesis_feedback")
public class HypothesisFeedback extends PanacheEntityBase {

    public static final String ACCEPTED = "accepted";

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public UUID hypothesisId;
    public UUID incidentId;
    public String authorId;
    public String verdict;
    public String note;
    public String suspectService;
    public String category;
    public Instant createdAt;
    public Instant updatedAt;
}
