package org.muster.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' APIs as docs/api/ describes them are the ones their code serves: each committed OpenAPI document
 * is the one the build generated (`make deploy-resources` refreshes them), and every operation but the public
 * ones names the roles it needs.
 */
class ApiDocumentsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("registry", "alerts", "notifier", "evacuation");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void the_committed_documents_are_what_the_build_generates() throws IOException {
        for (String service : SERVICES) {
            Path generated = ROOT.resolve("src/" + service + "/target/openapi/openapi.yaml");
            assertThat(generated).as("built by the service's module before this one").exists();
            assertThat(Files.readString(ROOT.resolve("docs/api/" + service + ".openapi.yaml")))
                    .as("docs/api/%s.openapi.yaml is out of date: run make deploy-resources", service)
                    .isEqualTo(Files.readString(generated));
        }
    }

    @Test
    void every_staff_operation_names_its_roles() throws IOException {
        for (String service : SERVICES) {
            JsonNode paths = YAML.readTree(ROOT.resolve("docs/api/" + service + ".openapi.yaml").toFile()).path("paths");
            List<String> unguarded = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                // Public by design: citizens' registration and self-service (a signed token), the feeds,
                // Twilio's webhooks (a signature), health and metrics.
                if (path.getKey().startsWith("/public/") || path.getKey().startsWith("/feeds")
                        || path.getKey().startsWith("/twilio/")) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    if (operation.getValue().path("security").isEmpty()) {
                        unguarded.add(operation.getKey().toUpperCase() + " " + path.getKey());
                    }
                }
            }
            assertThat(unguarded).as("%s: operations without roles", service).isEmpty();
        }
    }
}
