package io.srecopilot.ai.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * How ai uses the LLM: whether at all (the kill switch), which deployment it records as the model,
 * how large a prompt may grow, what tokens cost, how much each tenant may spend in a month, and
 * how long identical contexts are answered from the cache.
 */
@ConfigMapping(prefix = "sre.llm")
public interface LlmSettings {

    /** The kill switch: false and no analysis calls the LLM, whatever else is configured. */
    @WithDefault("true")
    boolean enabled();

    /** The Azure OpenAI key; the LLM is used only when one is configured. */
    @WithDefault("not-configured")
    String apiKey();

    /** The model (Azure deployment) name recorded with every request and used to price it. */
    @WithDefault("not-configured")
    String model();

    /** Prompts are cut to this many (estimated) tokens, dropping the least telling evidence first. */
    @WithDefault("6000")
    int maxPromptTokens();

    /** The longest answer asked for; with the prompt's size it bounds what one call can cost. */
    @WithDefault("1000")
    int maxCompletionTokens();

    /** Spending cap per tenant and calendar month (UTC) unless the tenant's owner set another. */
    @WithDefault("50")
    BigDecimal monthlyBudgetUsd();

    @WithDefault("24H")
    Duration cacheTtl();

    /** Prices in USD per million tokens by model; the entry {@code default} prices any other model. */
    Map<String, Price> prices();

    default boolean configured() {
        return enabled() && !apiKey().isBlank() && !"not-configured".equals(apiKey());
    }

    default Price priceOf(String model) {
        Price price = prices().get(model);
        return price != null ? price : prices().getOrDefault("default", Price.FREE);
    }

    /** What a call costs at this model's prices. */
    default BigDecimal costOf(String model, long promptTokens, long completionTokens) {
        Price price = priceOf(model);
        return price.promptPerMillion().multiply(BigDecimal.valueOf(promptTokens))
                .add(price.completionPerMillion().multiply(BigDecimal.valueOf(completionTokens)))
                .divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.UP);
    }

    interface Price {

        Price FREE = new Price() {
            @Override
            public BigDecimal promptPerMillion() {
                return BigDecimal.ZERO;
            }

            @Override
            public BigDecimal completionPerMillion() {
                return BigDecimal.ZERO;
            }
        };

        BigDecimal promptPerMillion();

        BigDecimal completionPerMillion();
    }
}
