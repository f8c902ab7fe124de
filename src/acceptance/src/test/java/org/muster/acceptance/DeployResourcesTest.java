package org.muster.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.muster.contracts.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests in {@code k8s/} and the Helm chart in {@code helm/muster} are what the
 * build generates from the services' configuration (run {@code make deploy-resources} after a change),
 * and what they deploy runs unprivileged, probed and limited, with its secrets read from Secrets.
 * The services are packaged earlier in the same build (this module comes last).
 */
class DeployResourcesTest {

    private static final List<String> SERVICES = List.of("registry", "alerts", "notifier", "evacuation");
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Names of variables that carry a credential: they must come from a Secret. */
    private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|SIGNING_KEY|USERNAME|ACCOUNT_SID).*");

    @Test
    void the_committed_manifests_and_charts_are_what_the_build_generates() throws IOException {
        for (String service : SERVICES) {
            Path generated = ROOT.resolve("src/" + service + "/target/kubernetes/kubernetes.yml");
            assertThat(generated).as("%s is packaged before this module", service).exists();
            assertThat(content(ROOT.resolve("k8s/" + service + ".yml")))
                    .as("k8s/%s.yml is what the build generates: run make deploy-resources", service)
                    .isEqualTo(content(generated));
            assertThat(files(ROOT.resolve("helm/muster/charts/" + service)))
                    .as("helm/muster/charts/%s is what the build generates: run make deploy-resources", service)
                    .isEqualTo(files(ROOT.resolve("src/" + service + "/target/helm/kubernetes/" + service)));
        }
    }

    @Test
    void every_service_runs_unprivileged_probed_and_limited_with_credentials_from_secrets() throws IOException {
        for (String service : SERVICES) {
            Map<String, JsonNode> resources = resources(ROOT.resolve("k8s/" + service + ".yml"));
            assertThat(resources).containsKeys("ServiceAccount", "Service", "Deployment");
            assertThat(resources.get("ServiceAccount").path("automountServiceAccountToken").asBoolean(true)).isFalse();

            JsonNode pod = resources.get("Deployment").path("spec").path("template").path("spec");
            assertThat(pod.path("serviceAccountName").asText()).isEqualTo(service);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(service).isTrue();
            JsonNode container = pod.path("containers").get(0);
            assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(service).isTrue();
            assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(service).isFalse();
            assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).as(service).contains("/tmp");
            for (String kind : List.of("requests", "limits")) {
                assertThat(container.path("resources").path(kind).path("cpu").asText()).as("%s %s", service, kind).isNotEmpty();
                assertThat(container.path("resources").path(kind).path("memory").asText()).as("%s %s", service, kind).isNotEmpty();
            }
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");

            List<String> credentials = new ArrayList<>();
            for (JsonNode env : container.path("env")) {
                String name = env.path("name").asText();
                if (CREDENTIAL.matcher(name).matches()) {
                    credentials.add(name);
                    assertThat(env.has("value")).as("%s: %s has a value of its own", service, name).isFalse();
                    assertThat(env.path("valueFrom").path("secretKeyRef").path("name").asText())
                            .as("%s: %s comes from a Secret", service, name).isNotEmpty();
                }
            }
            assertThat(credentials).as(service).contains("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
        }
        assertThat(container("registry").path("env").findValuesAsText("name")).contains("MUSTER_SELF_SERVICE_SIGNING_KEY");
        assertThat(container("notifier").path("env").findValuesAsText("name")).contains("MUSTER_TWILIO_AUTH_TOKEN", "QUARKUS_MAILER_PASSWORD");
    }

    @Test
    void the_chart_has_a_subchart_and_a_values_block_per_service() throws IOException {
        assertThat(YAML.readTree(ROOT.resolve("helm/muster/Chart.yaml").toFile()).path("name").asText()).isEqualTo("muster");
        JsonNode values = YAML.readTree(ROOT.resolve("helm/muster/values.yaml").toFile());
        List<String> blocks = new ArrayList<>();
        values.fieldNames().forEachRemaining(blocks::add);
        assertThat(blocks).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            JsonNode chart = YAML.readTree(ROOT.resolve("helm/muster/charts/" + service + "/Chart.yaml").toFile());
            assertThat(chart.path("name").asText()).isEqualTo(service);
            JsonNode defaults = YAML.readTree(ROOT.resolve("helm/muster/charts/" + service + "/values.yaml").toFile()).path("app");
            // Every value the block sets is one the subchart has.
            values.path(service).path("app").fieldNames().forEachRemaining(name ->
                    assertThat(defaults.has(name)).as("%s.app.%s", service, name).isTrue());
            values.path(service).path("app").path("envs").fieldNames().forEachRemaining(name ->
                    assertThat(defaults.path("envs").has(name)).as("%s.app.envs.%s", service, name).isTrue());
        }
    }

    @Test
    void every_topic_and_its_dead_letter_topic_is_declared_and_only_the_compacted_ones_are_compacted() throws IOException {
        Map<String, JsonNode> declared = new TreeMap<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(ROOT.resolve("k8s/kafka-topics.yml").toFile())) {
            while (documents.hasNext()) {
                JsonNode topic = documents.next();
                assertThat(topic.path("kind").asText()).isEqualTo("KafkaTopic");
                assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("muster");
                declared.put(topic.path("spec").path("topicName").asText(), topic.path("spec"));
            }
        }
        List<String> expected = new ArrayList<>();
        for (String topic : Topics.ALL) {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        }
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        declared.forEach((topic, spec) -> {
            JsonNode config = spec.path("config");
            assertThat(config.path("cleanup.policy").asText()).as(topic)
                    .isEqualTo(Topics.isCompacted(topic) ? "compact" : "delete");
            assertThat(config.path("min.insync.replicas").asInt()).as(topic).isLessThan(spec.path("replicas").asInt());
            if (Topics.isCompacted(topic)) {
                // Erasure reaches a projection that was down for a while: tombstones outlive compaction by weeks.
                assertThat(config.path("delete.retention.ms").asLong()).as(topic).isGreaterThanOrEqualTo(Duration.ofDays(7).toMillis());
            }
        });
    }

    private static JsonNode container(String service) throws IOException {
        return resources(ROOT.resolve("k8s/" + service + ".yml")).get("Deployment")
                .path("spec").path("template").path("spec").path("containers").get(0);
    }

    /** The documents of a manifest by kind. */
    private static Map<String, JsonNode> resources(Path manifest) throws IOException {
        Map<String, JsonNode> byKind = new TreeMap<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                byKind.put(document.path("kind").asText(), document);
            }
        }
        return byKind;
    }

    /** Every file under {@code dir}, by its path relative to it, with its {@link #content}. */
    private static Map<String, Object> files(Path dir) throws IOException {
        Map<String, Object> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), content(p));
            }
        }
        return files;
    }

    /**
     * A file's content, as far as it matters: the generator lists a container's environment in an
     * order that changes with the build's own environment (seen between two clones of one commit),
     * so YAML documents are compared as trees with their {@code env} lists sorted by name, and
     * anything else (Helm templates, which are not YAML) as its lines in sorted order.
     */
    private static Object content(Path file) throws IOException {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<JsonNode> trees = new ArrayList<>();
            while (documents.hasNext()) {
                trees.add(withSortedEnv(documents.next()));
            }
            return trees;
        } catch (IOException | RuntimeException notYaml) {
            return Files.readAllLines(file).stream().sorted().toList();
        }
    }

    private static JsonNode withSortedEnv(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                JsonNode value = withSortedEnv(field.getValue());
                if ("env".equals(field.getKey()) && value instanceof ArrayNode list) {
                    List<JsonNode> entries = new ArrayList<>();
                    list.forEach(entries::add);
                    entries.sort(Comparator.comparing(entry -> entry.path("name").asText()));
                    list.removeAll();
                    list.addAll(entries);
                }
            });
        } else if (node instanceof ArrayNode list) {
            list.forEach(DeployResourcesTest::withSortedEnv);
        }
        return node;
    }
}
