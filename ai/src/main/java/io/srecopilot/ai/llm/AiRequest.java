package io.srecopilot.ai.llm;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One time an analysis wanted the LLM, what it cost and how it went. */
@Entity
@Table(name = "ai_request")
public class AiRequest extends PanacheEntityBase {

    public static final String CACHED = "cached";
    public static final String OVER_BUDGET = "over_budget";
    public static final String MALFORMED = "malformed";

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public UUID incidentId;
    public UUID analysisId;
    public String model;
    public String outcome;
    public String finishReason;
    public boolean truncated;
    public int promptTokens;
    public int completionTokens;
    public BigDecimal costUsd;
    public long latencyMs;
    public boolean cacheHit;
    public String contextHash;
    public String detail;
    public Instant createdAt;
}
