package org.muster.devstack.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Keycloak server distribution, {@code org.keycloak:keycloak-quarkus-dist:<version>:zip}.
 *
 * <p>In this order:
 * <ol>
 *   <li>the system property {@value #SYSTEM_PROPERTY} (the devstack build sets it from the
 *       resolved test dependency);</li>
 *   <li>the environment variable {@value #ENVIRONMENT_VARIABLE};</li>
 *   <li>the local Maven repository: {@code maven.repo.local} if set, else
 *       {@code <localRepository>} of {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository}.
 *       {@code mvn dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:26.5.6:zip
 *       -Dtransitive=false} puts it there.</li>
 * </ol>
 */
public final class KeycloakDistribution {

    /** Must match {@code keycloak.version} in the parent pom. */
    public static final String DEFAULT_VERSION = "26.5.6";
    public static final String SYSTEM_PROPERTY = "muster.keycloak.dist";
    public static final String ENVIRONMENT_VARIABLE = "MUSTER_KEYCLOAK_DIST";
    /** System property choosing another version in the local repository. */
    public static final String VERSION_PROPERTY = "muster.keycloak.version";

    private static final Pattern LOCAL_REPOSITORY =
            Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

    private KeycloakDistribution() {
    }

    /** The distribution zip, or an {@link IllegalStateException} saying where it looked and how to get it. */
    public static Path locate() {
        return locate(System.getProperties(), System.getenv());
    }

    static Path locate(Properties properties, Map<String, String> environment) {
        List<String> tried = new ArrayList<>();
        String explicit = properties.getProperty(SYSTEM_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return existing(Path.of(explicit), "system property " + SYSTEM_PROPERTY);
        }
        tried.add("system property " + SYSTEM_PROPERTY + " (not set)");
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return existing(Path.of(fromEnvironment), "environment variable " + ENVIRONMENT_VARIABLE);
        }
        tried.add("environment variable " + ENVIRONMENT_VARIABLE + " (not set)");
        String version = properties.getProperty(VERSION_PROPERTY, DEFAULT_VERSION);
        Path inRepository = inRepository(localRepository(properties), version);
        if (Files.isRegularFile(inRepository)) {
            return inRepository;
        }
        tried.add(inRepository + " (missing)");
        throw new IllegalStateException("Keycloak distribution " + version + " not found; looked at: "
                + String.join(", ", tried) + ". Fetch it with: mvn dependency:get "
                + "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + version + ":zip -Dtransitive=false");
    }

    /** Where the zip of this version lives in the local Maven repository (whether present or not). */
    public static Path inLocalRepository(String version) {
        return inRepository(localRepository(System.getProperties()), version);
    }

    /** The zip in the local Maven repository if it is there. */
    public static Optional<Path> findInLocalRepository(String version) {
        Path zip = inLocalRepository(version);
        return Files.isRegularFile(zip) ? Optional.of(zip) : Optional.empty();
    }

    static Path inRepository(Path repository, String version) {
        return repository.resolve("org/keycloak/keycloak-quarkus-dist").resolve(version)
                .resolve("keycloak-quarkus-dist-" + version + ".zip");
    }

    static Path localRepository(Properties properties) {
        String configured = properties.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path userHome = Path.of(properties.getProperty("user.home"));
        Path settings = userHome.resolve(".m2/settings.xml");
        if (Files.isRegularFile(settings)) {
            try {
                // Comments first: the stock settings.xml carries an example <localRepository> inside one.
                String xml = COMMENT.matcher(Files.readString(settings)).replaceAll("");
                Matcher m = LOCAL_REPOSITORY.matcher(xml);
                if (m.find()) {
                    return Path.of(m.group(1).replace("${user.home}", userHome.toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + settings, e);
            }
        }
        return userHome.resolve(".m2/repository");
    }

    private static Path existing(Path zip, String source) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution from " + source + " does not exist: " + zip);
        }
        return zip;
    }
}
