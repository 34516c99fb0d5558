package io.srecopilot.platform.testing;

import java.util.concurrent.TimeUnit;

/** Stopping the server processes tests start: politely, then by force. */
final class Processes {

    private Processes() {
    }

    static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
