package io.srecopilot.ai.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chat model for tests, in place of Azure OpenAI's (enabled by {@link FakeChatModelProfile}):
 * answers with what the test set, or fails as it set, and keeps every request.
 */
@Alternative
@ApplicationScoped
public class FakeChatModel implements ChatModel {

    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private volatile ChatResponse response;
    private volatile RuntimeException failure;

    public void answer(ChatResponse next) {
        response = next;
        failure = null;
        requests.clear();
    }

    public void fail(RuntimeException next) {
        failure = next;
        response = null;
        requests.clear();
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        if (failure != null) {
            throw failure;
        }
        return response;
    }
}
