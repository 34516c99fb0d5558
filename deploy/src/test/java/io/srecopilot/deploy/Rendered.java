package io.srecopilot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The resources an overlay renders to, as {@code kubectl kustomize} prints them. */
final class Rendered {

    static final Path DEPLOY = Path.of(System.getProperty("user.dir"));

    private final List<JsonNode> resources;

    private Rendered(List<JsonNode> resources) {
        this.resources = resources;
    }

    static Rendered overlay(String directory) {
        String yaml = Tools.run("kubectl", "kustomize", DEPLOY.resolve("k8s").resolve(directory).toString());
        List<JsonNode> parsed = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            new ObjectMapper().readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull()) {
                    parsed.add(node);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(directory + " does not render to YAML: " + e.getMessage(), e);
        }
        return new Rendered(parsed);
    }

    List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.path("kind").asText())).toList();
    }

    Optional<JsonNode> named(String kind, String name) {
        return ofKind(kind).stream().filter(resource -> name.equals(resource.path("metadata").path("name").asText()))
                .findFirst();
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }
}
