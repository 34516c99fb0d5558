package io.srecopilot.ai.llm;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The application with {@link FakeChatModel} as its chat model. */
public class FakeChatModelProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeChatModel.class);
    }
}
