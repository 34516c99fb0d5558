package io.srecopilot.realtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Bounds and policies of the live channel. */
@ConfigMapping(prefix = "sre.realtime")
public interface RealtimeConfig {

    /** Origins browsers may open {@code /ws} from; a handshake without an Origin (not a browser) is let through. */
    @WithDefault("http://127.0.0.1:5173,http://localhost:5173")
    List<String> allowedOrigins();

    /** How many of the newest stream entries a reconnecting client's last event id is looked for in. */
    @WithDefault("10000")
    int replayWindow();

    /** Messages a connection may have in flight before it counts as a slow consumer and is closed. */
    @WithDefault("256")
    int maxPendingMessages();
}
