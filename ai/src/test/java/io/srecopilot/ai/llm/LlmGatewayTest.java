package io.srecopilot.ai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AI service and the gateway's retry and fallback, on a fake chat model. */
@QuarkusTest
@TestProfile(FakeChatModelProfile.class)
class LlmGatewayTest {

    private static final LlmPrompt PROMPT = new LlmPrompt("Incident: Checkout errors\n- [s1] signal on checkout", 320,
            0, "hash");

    @Inject
    LlmGateway gateway;

    @Inject
    FakeChatModel model;

    @Test
    void theAnswerKeepsItsTokensAndFinishReasonAndTheModelIsToldTheRules() {
        model.answer(ChatResponse.builder().aiMessage(AiMessage.from("{\"hypotheses\":[{\"claim\":\"x"))
                .tokenUsage(new TokenUsage(812, 96)).finishReason(FinishReason.LENGTH).build());

        Completion completion = gateway.complete(PROMPT);

        assertEquals(Completion.OK, completion.outcome());
        assertEquals(812, completion.promptTokens());
        assertEquals(96, completion.completionTokens());
        assertEquals("LENGTH", completion.finishReason());
        assertTrue(completion.truncated());
        List<ChatMessage> asked = model.requests().get(0).messages();
        assertTrue(((SystemMessage) asked.get(0)).text().contains("Cite only listed ids; never invent one"));
        assertTrue(((SystemMessage) asked.get(0)).text().contains("Do not give confidences"));
        assertEquals(PROMPT.text(), ((UserMessage) asked.get(1)).singleText());
    }

    @Test
    void aServerErrorIsTriedOnceMoreThenTheAnalysisGoesOnWithoutTheLlm() {
        model.fail(new HttpException(503, "{\"error\":\"busy\"}"));

        Completion completion = gateway.complete(PROMPT);

        assertEquals("server_error", completion.outcome());
        assertEquals(2, model.requests().size());
        assertTrue(completion.failure().contains("503"), completion.failure());
    }

    @Test
    void aClientErrorIsNotTriedAgain() {
        model.fail(new HttpException(401, "{\"error\":\"bad key\"}"));

        Completion completion = gateway.complete(PROMPT);

        assertEquals("rejected", completion.outcome());
        assertEquals(1, model.requests().size());
    }
}
