package io.srecopilot.ai.llm;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.reasoning.EvidencePool;
import io.srecopilot.ai.reasoning.IncidentFacts;
import io.srecopilot.platform.rest.Timestamps;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The LLM's part of an analysis: when it is configured and switched on, and the tenant's budget
 * allows, the incident and its evidence go to the model (or to the cache, when this context was
 * seen before) and its proposals come back for the reasoner to check and score. Every attempt is
 * an {@link AiRequest}; nothing here can fail an analysis.
 */
@ApplicationScoped
public class LlmCandidates {

    private final LlmSettings settings;
    private final LlmGateway gateway;
    private final LlmAnswerCache cache;
    private final LlmBudget budget;
    private final Vertx vertx;
    private final LlmSwitch runtimeSwitch;

    public LlmCandidates(LlmSettings settings, LlmGateway gateway, LlmAnswerCache cache, LlmBudget budget, Vertx vertx,
            LlmSwitch runtimeSwitch) {
        this.settings = settings;
        this.gateway = gateway;
        this.cache = cache;
        this.budget = budget;
        this.vertx = vertx;
        this.runtimeSwitch = runtimeSwitch;
    }

    /**
     * Holds no transaction while the model is asked: the budget and the cache are read in a
     * session of their own, and each request is recorded in a transaction of its own afterwards.
     */
    public Uni<LlmProposal> propose(LlmRequestScope scope, IncidentFacts facts, EvidencePool pool) {
        if (!settings.enabled()) {
            return Uni.createFrom().item(LlmProposal.skipped("the LLM is switched off (sre.llm.enabled=false)"));
        }
        if (!settings.configured()) {
            return Uni.createFrom().item(LlmProposal.skipped("no Azure OpenAI key is configured"));
        }
        if (pool.isEmpty()) {
            return Uni.createFrom().item(LlmProposal.skipped("there is no evidence to show the LLM"));
        }
        LlmPrompt prompt = PromptWriter.write(facts, pool, settings.model(), settings.maxPromptTokens());
        return runtimeSwitch.offBecause().chain(off -> off != null
                ? Uni.createFrom().item(LlmProposal.skipped("the LLM is switched off for all tenants: " + off))
                : withinBudget(scope, prompt));
    }

    private Uni<LlmProposal> withinBudget(LlmRequestScope scope, LlmPrompt prompt) {
        return Panache.withSession(() -> budget.state(scope.tenantId())).chain(state -> {
            if (!budget.allows(state, prompt.estimatedTokens())) {
                String why = String.format(Locale.ROOT, "the tenant's LLM budget is spent (%s of %s USD in %s)",
                        state.spentUsd().toPlainString(), state.budgetUsd().toPlainString(), state.month());
                return record(scope, prompt, AiRequest.OVER_BUDGET, null, 0, why, false)
                        .replaceWith(new LlmProposal(AiRequest.OVER_BUDGET, List.of(), why));
            }
            return Panache.withSession(() -> cache.find(scope.tenantId(), prompt.contextHash()))
                    .chain(cached -> cached.isPresent()
                    ? record(scope, prompt, AiRequest.CACHED, null, 0, null, true)
                            .replaceWith(new LlmProposal(AiRequest.CACHED, cached.get().hypotheses(),
                                    cached.get().hypotheses().size() + " proposal(s) for this same context, from the cache"))
                    : call(scope, prompt));
        });
    }

    private Uni<LlmProposal> call(LlmRequestScope scope, LlmPrompt prompt) {
        long start = System.nanoTime();
        return vertx.executeBlocking(Uni.createFrom().item(() -> gateway.complete(prompt)), false).chain(completion -> {
            long latencyMs = (System.nanoTime() - start) / 1_000_000;
            Optional<ProposedHypotheses> parsed = completion.answered() ? ProposalParser.parse(completion.text())
                    : Optional.empty();
            String outcome = !completion.answered() ? completion.outcome()
                    : parsed.isPresent() ? Completion.OK : AiRequest.MALFORMED;
            String detail = describe(completion, parsed, prompt);
            return Panache.withTransaction(() -> record(scope, prompt, outcome, completion, latencyMs, detail, false)
                    .call(() -> parsed.map(answer -> cache.store(scope.tenantId(), prompt.contextHash(),
                            settings.model(), answer)).orElseGet(Uni.createFrom()::voidItem))
                    .call(() -> budget.announceReached(scope.tenantId(), scope.projectId())))
                    .replaceWith(parsed.map(answer -> new LlmProposal("completed", answer.hypotheses(), detail))
                            .orElseGet(() -> new LlmProposal("fallback", List.of(), detail)));
        });
    }

    private static String describe(Completion completion, Optional<ProposedHypotheses> parsed, LlmPrompt prompt) {
        String cut = prompt.cut() ? "; " + prompt.omittedEvidence() + " piece(s) of evidence left out of the prompt" : "";
        if (!completion.answered()) {
            return "the LLM failed (" + completion.outcome() + ": " + completion.failure()
                    + "), the deterministic reasoner carried on alone" + cut;
        }
        String truncated = completion.truncated() ? "; the answer was cut off at the token limit" : "";
        return parsed.map(answer -> answer.hypotheses().size() + " proposal(s) in " + completion.promptTokens() + "+"
                + completion.completionTokens() + " tokens" + truncated + cut)
                .orElse("the LLM's answer was not the JSON asked for" + truncated + cut);
    }

    /** Joins the caller's transaction, or opens one. */
    private Uni<AiRequest> record(LlmRequestScope scope, LlmPrompt prompt, String outcome, Completion completion,
            long latencyMs, String detail, boolean cacheHit) {
        AiRequest request = new AiRequest();
        request.id = UUID.randomUUID();
        request.tenantId = scope.tenantId();
        request.projectId = scope.projectId();
        request.incidentId = scope.incidentId();
        request.analysisId = scope.analysisId();
        request.model = settings.model();
        request.outcome = outcome;
        request.cacheHit = cacheHit;
        request.contextHash = prompt.contextHash();
        request.latencyMs = latencyMs;
        request.detail = detail;
        request.costUsd = BigDecimal.ZERO;
        if (completion != null) {
            request.finishReason = completion.finishReason();
            request.truncated = completion.truncated();
            request.promptTokens = completion.promptTokens();
            request.completionTokens = completion.completionTokens();
            request.costUsd = settings.costOf(settings.model(), completion.promptTokens(), completion.completionTokens());
        }
        request.createdAt = Timestamps.now();
        return Panache.withTransaction(request::persist);
    }
}
