package io.srecopilot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the browser tests (e2e/browser, playwright-core driving Debian's headless Chromium) against
 * the suite's stack and UI, for a team registered here.
 */
@ExtendWith(RunningStack.class)
class BrowserSliceIT {

    @Test
    void theBrowserShowsANewIncidentLiveAndItsHypothesis(Stack stack) throws Exception {
        Tenant team = Tenant.register(stack, "Initech");
        String key = team.createApiKey();
        Path browserTests = Path.of(System.getProperty("sre.root", "..")).resolve("e2e/browser").toAbsolutePath();
        Path output = Path.of("target/browser").toAbsolutePath();
        Files.createDirectories(output);
        Path log = output.resolve("browser-tests.log");

        ProcessBuilder builder = new ProcessBuilder("node", "--test", "--test-reporter=spec", "slice.test.mjs")
                .directory(browserTests.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("UI_URL", stack.uiUrl());
        builder.environment().put("INGEST_URL", stack.url("ingest"));
        builder.environment().put("EMAIL", team.email);
        builder.environment().put("PASSWORD", Tenant.PASSWORD);
        builder.environment().put("API_KEY", key);
        builder.environment().put("SCREENSHOTS", output.toString());
        builder.environment().putIfAbsent("CHROMIUM", "/usr/bin/chromium");
        Process process = builder.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertEquals(0, finished ? process.exitValue() : -1, "browser tests failed:\n" + Files.readString(log));
    }
}
