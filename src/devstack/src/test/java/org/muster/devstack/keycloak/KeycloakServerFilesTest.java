package org.muster.devstack.keycloak;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@link KeycloakServer} and {@link KeycloakDistribution} handle files, without starting Keycloak. */
class KeycloakServerFilesTest {

    @TempDir
    Path dir;

    @Test
    void the_distribution_is_unpacked_once_with_executable_scripts() throws IOException {
        Path zip = zip("kc.zip", Map.of(
                "keycloak-1.0/bin/kc.sh", "#!/bin/sh\necho kc\n",
                "keycloak-1.0/lib/app.jar", "jar"));
        Path work = Files.createDirectories(dir.resolve("work"));

        Path home = KeycloakServer.unpack(zip, work);
        Files.writeString(home.resolve("lib/app.jar"), "changed by a build step");
        Path again = KeycloakServer.unpack(zip, work);

        assertThat(home).isEqualTo(work.resolve("keycloak-1.0").toAbsolutePath());
        assertThat(again).isEqualTo(home);
        assertThat(Files.isExecutable(home.resolve("bin/kc.sh"))).isTrue();
        assertThat(Files.readString(home.resolve("lib/app.jar"))).isEqualTo("changed by a build step");
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".unpack-"));
        }
    }

    @Test
    void a_half_finished_unpack_is_replaced() throws IOException {
        Path zip = zip("kc.zip", Map.of("keycloak-1.0/bin/kc.sh", "#!/bin/sh\n"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(work.resolve("keycloak-1.0/lib"));
        Files.writeString(work.resolve("keycloak-1.0/lib/partial.jar"), "half");

        Path home = KeycloakServer.unpack(zip, work);

        assertThat(home.resolve("bin/kc.sh")).exists();
        assertThat(home.resolve("lib/partial.jar")).doesNotExist();
    }

    @Test
    void a_zip_escaping_its_directory_is_refused() throws IOException {
        Path zip = zip("evil.zip", Map.of("keycloak-1.0/../../escaped.txt", "x"));
        Path work = Files.createDirectories(dir.resolve("work"));

        assertThatThrownBy(() -> KeycloakServer.unpack(zip, work)).isInstanceOf(IOException.class);
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void the_realm_is_installed_and_the_database_kept_while_the_realm_is_unchanged() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        KeycloakServer.installRealm(home, false);
        Path database = Files.createDirectories(home.resolve("data/h2"));
        Files.writeString(database.resolve("keycloakdb.mv.db"), "data");

        KeycloakServer.installRealm(home, false);

        assertThat(home.resolve("data/import/muster-realm.json")).hasBinaryContent(DemoRealm.realmJson());
        assertThat(database.resolve("keycloakdb.mv.db")).exists();
    }

    @Test
    void a_fresh_realm_wipes_the_database() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        KeycloakServer.installRealm(home, false);
        Files.createDirectories(home.resolve("data/h2"));

        KeycloakServer.installRealm(home, true);

        assertThat(home.resolve("data/h2")).doesNotExist();
    }

    @Test
    void a_changed_realm_file_wipes_the_database_so_that_it_is_imported_again() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("data/import"));
        Files.writeString(home.resolve("data/import/muster-realm.json"), "{\"realm\":\"older\"}");
        Files.createDirectories(home.resolve("data/h2"));

        KeycloakServer.installRealm(home, false);

        assertThat(home.resolve("data/h2")).doesNotExist();
        assertThat(home.resolve("data/import/muster-realm.json")).hasBinaryContent(DemoRealm.realmJson());
    }

    @Test
    void the_system_property_names_the_distribution() throws IOException {
        Path zip = Files.writeString(dir.resolve("dist.zip"), "zip");
        Properties properties = properties();
        properties.setProperty(KeycloakDistribution.SYSTEM_PROPERTY, zip.toString());

        assertThat(KeycloakDistribution.locate(properties, Map.of())).isEqualTo(zip);
    }

    @Test
    void the_local_repository_is_searched_at_the_configured_location() throws IOException {
        Path repository = dir.resolve("repo");
        Path zip = KeycloakDistribution.inRepository(repository, KeycloakDistribution.DEFAULT_VERSION);
        Files.createDirectories(zip.getParent());
        Files.writeString(zip, "zip");
        Properties properties = properties();
        properties.setProperty("maven.repo.local", repository.toString());

        assertThat(KeycloakDistribution.locate(properties, Map.of())).isEqualTo(zip);
        assertThat(zip.toString()).endsWith(
                "org/keycloak/keycloak-quarkus-dist/26.5.6/keycloak-quarkus-dist-26.5.6.zip");
    }

    @Test
    void the_local_repository_of_the_user_settings_is_honoured() throws IOException {
        Path userHome = Files.createDirectories(dir.resolve("user"));
        Files.createDirectories(userHome.resolve(".m2"));
        Files.writeString(userHome.resolve(".m2/settings.xml"), "<settings>\n"
                + "  <!-- <localRepository>/path/to/local/repo</localRepository> -->\n"
                + "  <localRepository>${user.home}/elsewhere</localRepository>\n</settings>\n");
        Properties properties = new Properties();
        properties.setProperty("user.home", userHome.toString());

        assertThat(KeycloakDistribution.localRepository(properties)).isEqualTo(userHome.resolve("elsewhere"));
    }

    @Test
    void a_missing_distribution_says_how_to_fetch_it() {
        Properties properties = properties();
        properties.setProperty("maven.repo.local", dir.resolve("empty-repo").toString());

        assertThatThrownBy(() -> KeycloakDistribution.locate(properties, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mvn dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:26.5.6:zip");
    }

    @Test
    void the_build_hands_over_the_zip_the_local_repository_lookup_finds() {
        String fromBuild = System.getProperty(KeycloakDistribution.SYSTEM_PROPERTY);
        assertThat(fromBuild).as("set by the surefire configuration").isNotBlank();

        assertThat(KeycloakDistribution.findInLocalRepository(KeycloakDistribution.DEFAULT_VERSION))
                .as("the version in KeycloakDistribution matches keycloak.version of the parent pom")
                .hasValue(Path.of(fromBuild));
    }

    @Test
    void a_second_server_on_the_same_work_directory_is_refused() throws IOException {
        Path zip = zip("kc.zip", Map.of("keycloak-1.0/bin/kc.sh", "#!/bin/sh\nexit 1\n"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path home = KeycloakServer.unpack(zip, work);

        try (FileChannel channel = FileChannel.open(home.resolve(".muster-running.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            assertThatThrownBy(() -> KeycloakServer.builder().distribution(zip).workDir(work).start())
                    .isInstanceOf(KeycloakServer.WorkDirInUseException.class)
                    .hasMessageContaining(home.toString());
        }
    }

    @Test
    void a_keycloak_that_exits_early_is_reported_with_its_log() throws IOException {
        Path zip = zip("kc.zip", Map.of("keycloak-1.0/bin/kc.sh",
                "#!/bin/sh\necho \"ERROR: Port already bound\"\nexit 3\n"));

        assertThatThrownBy(() -> KeycloakServer.builder().distribution(zip).workDir(dir.resolve("work")).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("ERROR: Port already bound");
        assertThat(dir.resolve("work/keycloak-1.0/data/import/muster-realm.json")).exists();
    }

    @Test
    void a_keycloak_that_never_gets_ready_is_stopped_after_the_timeout() throws IOException {
        Path zip = zip("kc.zip", Map.of("keycloak-1.0/bin/kc.sh",
                "#!/bin/sh\necho \"$$\" > \"$(dirname \"$0\")/../started.pid\"\necho starting\nexec sleep 600\n"));
        Path work = dir.resolve("work");

        assertThatThrownBy(() -> KeycloakServer.builder().distribution(zip).workDir(work)
                .startupTimeout(Duration.ofSeconds(2)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not ready within 2 s")
                .hasMessageContaining("starting");
        long pid = Long.parseLong(Files.readString(work.resolve("keycloak-1.0/started.pid")).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void the_one_time_build_step_has_its_own_timeout() throws IOException {
        Path zip = zip("kc.zip", Map.of("keycloak-1.0/bin/kc.sh",
                "#!/bin/sh\necho \"Updating the configuration and installing your custom providers\"\nexec sleep 600\n"));

        assertThatThrownBy(() -> KeycloakServer.builder().distribution(zip).workDir(dir.resolve("work"))
                .startupTimeout(Duration.ofSeconds(1)).buildTimeout(Duration.ofSeconds(3)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not finish its build step within 3 s");
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user.home", dir.resolve("nobody").toString());
        return properties;
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }
}
