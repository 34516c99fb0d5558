package io.srecopilot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the browser tests (e2e/browser, playwright-core driving Debian's headless Chromium) against
 * the suite's stack and UI: a team registers in the browser and connects Debian's Prometheus and
 * Alertmanager.
 */
@ExtendWith(RunningStack.class)
class BrowserSliceIT {

    @Test
    void aTeamFollowsARealAlertFromAlertmanagerToLearnedOnPagesEveryoneCanUse(Stack stack) throws Exception {
        Path browserTests = Path.of(System.getProperty("sre.root", "..")).resolve("e2e/browser").toAbsolutePath();
        Path output = Path.of("target/browser").toAbsolutePath();
        Files.createDirectories(output);
        Path log = output.resolve("browser-tests.log");

        ProcessBuilder builder = new ProcessBuilder("node", "--test", "--test-reporter=spec", "slice.test.mjs")
                .directory(browserTests.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("UI_URL", stack.uiUrl());
        builder.environment().put("INGEST_URL", stack.url("ingest"));
        builder.environment().put("SCREENSHOTS", output.toString());
        builder.environment().putIfAbsent("CHROMIUM", "/usr/bin/chromium");
        builder.environment().putIfAbsent("ALERTMANAGER", "/usr/bin/prometheus-alertmanager");
        builder.environment().putIfAbsent("PROMETHEUS", "/usr/bin/prometheus");
        Process process = builder.start();
        boolean finished = process.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertEquals(0, finished ? process.exitValue() : -1, "browser tests failed:\n" + Files.readString(log));
    }
}
