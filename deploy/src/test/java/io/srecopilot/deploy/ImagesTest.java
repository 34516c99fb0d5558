package io.srecopilot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the image builds rely on, checked without a container engine: the files the Dockerfiles copy
 * are what this build produces (the services and the UI are built before this module), the images
 * run as non-root, and the UI's nginx routes the API as the Ingress does.
 */
class ImagesTest {

    private static final Path ROOT = Rendered.DEPLOY.getParent();
    private static final Path DOCKER = Rendered.DEPLOY.resolve("docker");
    private static final List<String> SERVICES = List.of("auth", "incidents", "ai", "ingest", "realtime", "audit");

    @Test
    void theJvmImageCopiesWhatEveryServicesBuildProduces() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        Matcher copies = Pattern.compile("/build/\\$\\{SERVICE}/(target/quarkus-app/[^ *]*)").matcher(dockerfile);
        List<String> paths = copies.results().map(match -> match.group(1)).toList();
        assertEquals(4, paths.size(), "lib/, app/, quarkus/ and the jars: " + paths);
        for (String service : SERVICES) {
            for (String path : paths) {
                assertTrue(Files.exists(ROOT.resolve(service).resolve(path)), service + " does not produce " + path);
            }
            assertTrue(Files.exists(ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar")), service + " has no quarkus-run.jar");
        }
        assertTrue(dockerfile.contains("-pl platform,${SERVICE} package"), "builds the service with the shared library only");
        assertTrue(dockerfile.lines().filter(line -> line.startsWith("USER")).reduce((a, b) -> b).orElse("").contains("185"),
                "runs as the image's unprivileged user");
    }

    @Test
    void theNativeImageIsBuiltInMandrelAndRunsAsNonRootOnAMinimalBase() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.native"));
        assertTrue(dockerfile.contains("FROM quay.io/quarkus/ubi9-quarkus-mandrel-builder-image"));
        assertTrue(dockerfile.contains("FROM quay.io/quarkus/ubi9-quarkus-micro-image"));
        assertTrue(dockerfile.contains("-Dnative"));
        assertTrue(dockerfile.contains("USER 1001"));
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        assertTrue(parent.contains("<id>native</id>") && parent.contains("<quarkus.native.enabled>true</quarkus.native.enabled>"),
                "the native profile every service inherits");
    }

    @Test
    void theUiImageServesTheBuiltAppAndRoutesTheApiAsTheIngressDoes() throws IOException {
        assertTrue(Files.exists(ROOT.resolve("ui/dist/index.html")), "the ui module builds dist/ before this module");
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        assertTrue(nginx.contains("try_files $uri $uri/ /index.html"), "SPA fallback");
        assertTrue(nginx.contains("listen 8080"), "an unprivileged port");
        Map<String, String> routed = new TreeMap<>();
        Matcher locations = Pattern.compile("location (/(?:api/v1/[a-z-]+|ws)) \\{\\s*proxy_pass http://([a-z]+):").matcher(nginx);
        locations.results().forEach(match -> routed.put(match.group(1), match.group(2)));
        Map<String, String> ingress = new TreeMap<>(ManifestsTest.ROUTES);
        ingress.remove("/");
        // What the Ingress sends to the UI instead of a service (service-only endpoints), nginx refuses.
        ingress.entrySet().removeIf(route -> {
            if (!route.getValue().equals("ui")) {
                return false;
            }
            assertTrue(Pattern.compile("location = " + Pattern.quote(route.getKey()) + " \\{[^}]*return 404").matcher(nginx)
                    .find(), route.getKey() + " is not refused by the UI's nginx");
            return true;
        });
        assertEquals(ingress, routed);
    }
}
