package io.srecopilot.ai.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a policy decided about one analysis: one row per action, enforced or only shadowed; shadowed
 * ones are later judged against what people did ({@link ShadowJudge}).
 */
@Entity
@Table(name = "policy_decision")
public class PolicyDecision extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public UUID policyId;
    public String policyName;
    public UUID incidentId;
    public UUID analysisId;
    public String action;
    public String mode;
    public BigDecimal confidence;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode facts;
    public Instant decidedAt;
    /** The action's parameter, where it has one. */
    public String severity;
    public String channel;
    /** What people did that bears on the decision, whether it agreed, and when (null until then). */
    public String peopleDid;
    public Boolean agreed;
    public Instant judgedAt;
}
