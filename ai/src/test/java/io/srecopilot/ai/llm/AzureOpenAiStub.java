package io.srecopilot.ai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.srecopilot.platform.testing.LoopbackHttp;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Azure OpenAI's chat-completions API (Azure cannot be reached from tests).
 * What it answers is chosen by a marker in the incident's title, which the prompt carries:
 * {@code [llm:propose]} proposals (one citing the first alert, one citing evidence that does not
 * exist), {@code [llm:500]} always 500, {@code [llm:flaky]} 500 once then proposals,
 * {@code [llm:slow]} too slow, {@code [llm:malformed]} prose, {@code [llm:length]} JSON cut off at
 * the token limit, {@code [llm:costly]} proposals billed two million prompt tokens; anything else
 * no proposals. Every request is kept and served at {@code GET /__requests} for tests to inspect.
 */
public class AzureOpenAiStub implements QuarkusTestResourceLifecycleManager {

    public static final String KEY = "stub-api-key";
    public static final String DEPLOYMENT = "sre-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("\\[llm:([a-z0-9]+)]");
    private static final Pattern FIRST_SIGNAL = Pattern.compile("- \\[([0-9a-f-]{36})] signal");
    private static final Pattern SERVICE = Pattern.compile("Service: (\\S+)");

    private final List<ObjectNode> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = LoopbackHttp.start(Map.of(
                "/__requests", exchange -> send(exchange, 200, JSON.writeValueAsString(requests)),
                "/openai/deployments/", this::complete));
        String base = LoopbackHttp.baseUrl(server);
        return Map.of("quarkus.langchain4j.azure-openai.endpoint", base + "/openai/deployments/" + DEPLOYMENT,
                "quarkus.langchain4j.azure-openai.api-key", KEY,
                "quarkus.langchain4j.azure-openai.timeout", "3s",
                "sre.llm.model", DEPLOYMENT,
                "io.srecopilot.ai.llm.LlmGateway/complete/Timeout/value", "1500",
                "sre.test.azure-openai-stub", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void complete(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        JsonNode messages = body.path("messages");
        String prompt = messages.path(messages.size() - 1).path("content").asText();
        Matcher marker = MARKER.matcher(prompt);
        String behaviour = marker.find() ? marker.group(1) : "none";
        ObjectNode seen = JSON.createObjectNode().put("path", exchange.getRequestURI().getPath())
                .put("query", exchange.getRequestURI().getQuery()).put("marker", behaviour)
                .put("apiKey", exchange.getRequestHeaders().getFirst("api-key"));
        seen.set("body", body);
        requests.add(seen);
        int attempt = attempts.computeIfAbsent(prompt, any -> new AtomicInteger()).incrementAndGet();
        switch (behaviour) {
            case "500" -> send(exchange, 500, "{\"error\":{\"code\":\"InternalServerError\"}}");
            case "flaky" -> {
                if (attempt == 1) {
                    send(exchange, 503, "{\"error\":{\"code\":\"ServiceUnavailable\"}}");
                } else {
                    send(exchange, 200, completion(proposals(prompt), "stop", 900, 120));
                }
            }
            case "slow" -> {
                sleep(4_000);
                send(exchange, 200, completion("{\"hypotheses\":[]}", "stop", 100, 10));
            }
            case "malformed" -> send(exchange, 200, completion("I am not sure, it could be many things.", "stop", 800, 12));
            case "length" -> send(exchange, 200, completion("{\"hypotheses\":[{\"claim\":\"The conn", "length", 800, 1000));
            case "costly" -> send(exchange, 200, completion(proposals(prompt), "stop", 2_000_000, 100));
            case "propose" -> send(exchange, 200, completion(proposals(prompt), "stop", 900, 120));
            default -> send(exchange, 200, completion("{\"hypotheses\":[]}", "stop", 100, 10));
        }
    }

    /** One proposal citing the prompt's first alert, one citing a metric no analysis has. */
    private static String proposals(String prompt) throws IOException {
        Matcher signal = FIRST_SIGNAL.matcher(prompt);
        Matcher service = SERVICE.matcher(prompt);
        String signalId = signal.find() ? signal.group(1) : "none";
        String suspect = service.find() ? service.group(1) : "unknown";
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode hypotheses = answer.putArray("hypotheses");
        ObjectNode cited = hypotheses.addObject().put("claim", "The connection pool of " + suspect + " is exhausted")
                .put("description", "Requests queue for connections; the first alert says so.")
                .put("suspectService", suspect).put("category", "saturation");
        cited.putArray("evidenceIds").add(signalId);
        ObjectNode invented = hypotheses.addObject().put("claim", "A noisy neighbour starves the node")
                .put("description", "CPU steal on the node.").put("suspectService", "node-7").put("category", "saturation");
        invented.putArray("evidenceIds").add("metric:ghost:cpu_steal");
        return JSON.writeValueAsString(answer);
    }

    private static String completion(String content, String finishReason, int promptTokens, int completionTokens)
            throws IOException {
        ObjectNode response = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", "chat.completion")
                .put("created", 1_764_460_800L).put("model", "gpt-4o");
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", content);
        response.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return JSON.writeValueAsString(response);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackHttp.respond(exchange, status, body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
