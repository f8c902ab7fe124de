package org.muster.devstack.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak server (the Quarkus distribution, {@code kc.sh start-dev}) run as a child
 * process, with the realm {@code muster} ({@link DemoRealm}) imported at start.
 *
 * <p>The distribution zip ({@link KeycloakDistribution}) is unpacked once into the work directory
 * and reused by later starts; Keycloak's one-time build step at the first start (about 25 s on
 * two cores) is kept there too. The realm is imported only when {@code data/h2} does not exist:
 * {@link Builder#freshRealm(boolean)} wipes it, and so does a change of the realm file. One server
 * runs from a work directory at a time.
 *
 * <p>Keycloak runs on the Java of the current JVM ({@code java.home}). The bootstrap admin of the
 * {@code master} realm comes from {@code KC_BOOTSTRAP_ADMIN_USERNAME} / {@code _PASSWORD} in the
 * environment, else from {@link #DEFAULT_ADMIN_USERNAME} / {@link #DEFAULT_ADMIN_PASSWORD}: demo
 * values for the local stack only.
 *
 * <pre>{@code
 * try (KeycloakServer keycloak = KeycloakServer.builder().workDir(Path.of("target/keycloak")).start()) {
 *     String issuer = keycloak.issuerUrl();   // http://127.0.0.1:<port>/realms/muster
 * }
 * }</pre>
 */
public final class KeycloakServer implements AutoCloseable {

    /** How long the server may take to become ready, not counting the one-time build step. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /** How long Keycloak's one-time build step (first start from a fresh unpack) may take. */
    public static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofSeconds(300);
    /** Bootstrap admin of the master realm when the environment sets none: local stack only. */
    public static final String DEFAULT_ADMIN_USERNAME = "admin";
    /** Bootstrap admin password when the environment sets none: a demo value for the local stack only. */
    public static final String DEFAULT_ADMIN_PASSWORD = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakServer.class);
    private static final String HOST = "127.0.0.1";
    private static final String UNPACKED_MARKER = ".muster-unpacked";
    private static final String RUNNING_LOCK = ".muster-running.lock";
    private static final String PID_FILE = ".muster-keycloak.pid";
    private static final String LOG_FILE = "keycloak.log";
    private static final int LOG_TAIL_LINES = 60;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** kc.sh prints this when Keycloak must build itself for the dev profile first... */
    private static final String BUILD_STARTED = "Updating the configuration";
    /** ...and Quarkus this when that build is done. */
    private static final String BUILD_DONE = "Quarkus augmentation completed";

    private final Path home;
    private final Path logFile;
    private final int httpPort;
    private final int managementPort;
    private final Process process;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile Duration startupTime = Duration.ZERO;
    private boolean closed;

    private KeycloakServer(Path home, Path logFile, int httpPort, int managementPort, Process process,
                           FileChannel lockChannel, FileLock lock) {
        this.home = home;
        this.logFile = logFile;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.process = process;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    /** The realm's issuer, {@code http://127.0.0.1:<port>/realms/muster}: Quarkus' {@code quarkus.oidc.auth-server-url}. */
    public String issuerUrl() {
        return baseUrl() + "/realms/" + DemoRealm.NAME;
    }

    public String tokenEndpoint() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public String jwksUri() {
        return issuerUrl() + "/protocol/openid-connect/certs";
    }

    public String authorizationEndpoint() {
        return issuerUrl() + "/protocol/openid-connect/auth";
    }

    /** The admin console of the master realm (bootstrap admin). */
    public String adminConsoleUrl() {
        return baseUrl() + "/admin/master/console/";
    }

    /** {@code http://127.0.0.1:<management port>}: {@code /health/ready}, {@code /health/live}. */
    public String managementUrl() {
        return "http://" + HOST + ":" + managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** The unpacked distribution this server runs from. */
    public Path home() {
        return home;
    }

    /** Keycloak's console output (stdout and stderr). */
    public Path logFile() {
        return logFile;
    }

    /** From launching the process to the realm answering. */
    public Duration startupTime() {
        return startupTime;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops Keycloak (SIGTERM, then SIGKILL after 30 s), waits for its whole process tree, frees the work directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopTree(process.toHandle(), STOP_GRACE);
            LOG.info("Keycloak on port {} stopped", httpPort);
        } finally {
            try {
                Files.deleteIfExists(home.resolve(PID_FILE));
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.warn("could not release {}", home.resolve(RUNNING_LOCK), e);
            }
        }
    }

    /** Another Keycloak, of this JVM or another, runs from the same work directory. */
    public static final class WorkDirInUseException extends IllegalStateException {

        private WorkDirInUseException(Path home) {
            super("another Keycloak is running from " + home + ": stop it, or give this one another work directory");
        }
    }

    /** Settings of a {@link KeycloakServer}; {@link #workDir(Path)} is the only one required. */
    public static final class Builder {

        private Path distribution;
        private Path workDir;
        private int httpPort;
        private int managementPort;
        private boolean freshRealm;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private Duration buildTimeout = DEFAULT_BUILD_TIMEOUT;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder() {
        }

        /** The {@code keycloak-quarkus-dist} zip; default {@link KeycloakDistribution#locate()}. */
        public Builder distribution(Path zip) {
            this.distribution = zip;
            return this;
        }

        /** Where the distribution is unpacked (once) and Keycloak keeps its data and log. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** HTTP port of the realms; 0 (default) for a free one. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** Port of {@code /health}; 0 (default) for a free one. Never leave it to Keycloak: its 9000 clashes. */
        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /** Wipes Keycloak's database ({@code data/h2}) before starting, so the realm is imported anew. */
        public Builder freshRealm(boolean fresh) {
            this.freshRealm = fresh;
            return this;
        }

        /** Time to become ready (default 120 s), counted after the one-time build step if there is one. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Time for Keycloak's one-time build step at the first start of a fresh unpack (default 300 s). */
        public Builder buildTimeout(Duration timeout) {
            this.buildTimeout = timeout;
            return this;
        }

        /** An environment variable for the Keycloak process only (e.g. a partner secret override). */
        public Builder environment(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        /**
         * Unpacks the distribution if needed, installs the realm and starts Keycloak, returning
         * once {@code /health/ready} answers UP and the realm serves its discovery document.
         *
         * @throws IllegalStateException  if it does not get there within the startup timeout (the
         *                                message carries the end of Keycloak's log)
         * @throws WorkDirInUseException  if another Keycloak runs from the same work directory
         */
        public KeycloakServer start() {
            if (workDir == null) {
                throw new IllegalStateException("workDir is required");
            }
            Path zip = distribution != null ? distribution : KeycloakDistribution.locate();
            try {
                Path dir = Files.createDirectories(workDir).toAbsolutePath().normalize();
                Path home = unpack(zip, dir);
                return launch(home, dir.resolve(LOG_FILE), this);
            } catch (IOException e) {
                throw new UncheckedIOException("Keycloak could not be started from " + workDir, e);
            }
        }
    }

    private static KeycloakServer launch(Path home, Path logFile, Builder settings) throws IOException {
        FileChannel lockChannel = FileChannel.open(home.resolve(RUNNING_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new WorkDirInUseException(home);
        }
        Process process = null;
        try {
            stopLeftover(home);
            installRealm(home, settings.freshRealm);
            int httpPort = settings.httpPort > 0 ? settings.httpPort : freePort();
            int managementPort = settings.managementPort > 0 ? settings.managementPort : freePort(httpPort);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=" + HOST,
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--import-realm",
                    "--health-enabled=true"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            environment(builder.environment(), settings.environment);
            long started = System.nanoTime();
            process = builder.start();
            process.getOutputStream().close();
            Files.writeString(home.resolve(PID_FILE), Long.toString(process.pid()));
            LOG.info("Keycloak starting from {} on port {} (management {}), log {}",
                    home, httpPort, managementPort, logFile);
            KeycloakServer server = new KeycloakServer(home, logFile, httpPort, managementPort, process,
                    lockChannel, lock);
            awaitReady(server, settings.startupTimeout, settings.buildTimeout);
            server.startupTime = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Keycloak ready at {} in {} ms", server.issuerUrl(), server.startupTime.toMillis());
            return server;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                stopTree(process.toHandle(), STOP_GRACE);
                Files.deleteIfExists(home.resolve(PID_FILE));
            }
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    private static void environment(Map<String, String> env, Map<String, String> extra) {
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", Path.of(javaHome, "bin") + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", DEFAULT_ADMIN_USERNAME);
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD);
        env.putAll(extra);
    }

    /**
     * Polls {@code /health/ready} on the management port, then the realm's discovery document.
     * The startup timeout runs from launch, or, when Keycloak first has to build itself (seen in
     * its log), from the end of that build, which has its own timeout.
     */
    private static void awaitReady(KeycloakServer server, Duration timeout, Duration buildTimeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long launched = System.nanoTime();
        long deadline = launched + timeout.toNanos();
        URI health = URI.create(server.managementUrl() + "/health/ready");
        URI discovery = URI.create(server.issuerUrl() + "/.well-known/openid-configuration");
        boolean healthUp = false;
        boolean building = false;
        boolean buildSettled = false;
        while (true) {
            if (!buildSettled) {
                String log = readLog(server.logFile);
                if (log.contains(BUILD_DONE)) {
                    building = false;
                    buildSettled = true;
                    deadline = System.nanoTime() + timeout.toNanos();
                } else if (log.contains(BUILD_STARTED)) {
                    building = true;
                    deadline = launched + buildTimeout.toNanos();
                } else if (log.contains("Running the server")) {
                    buildSettled = true;
                }
            }
            if (!server.process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + server.process.exitValue()
                        + " before it was ready; " + logTail(server.logFile));
            }
            if (!healthUp) {
                healthUp = get(http, health).filter(KeycloakServer::isUp).isPresent();
            }
            if (healthUp && get(http, discovery).filter(r -> r.statusCode() == 200).isPresent()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String limit = building ? "did not finish its build step within " + buildTimeout.toSeconds() + " s"
                        : "was not ready within " + timeout.toSeconds() + " s";
                throw new IllegalStateException("Keycloak " + limit
                        + " (port " + server.httpPort + ", management port " + server.managementPort
                        + ", health " + (healthUp ? "UP, realm not served" : "not UP") + "); "
                        + logTail(server.logFile));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
    }

    private static Optional<HttpResponse<String>> get(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            // Not listening yet, timed out, or reset while Keycloak binds its listeners: try again.
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private static boolean isUp(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return false;
        }
        try {
            return "UP".equals(JSON.readTree(response.body()).path("status").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static String readLog(Path logFile) {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** "log <path>, last lines:" and the end of the log, for error messages. */
    static String logTail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "log " + logFile + ", last lines:\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "log " + logFile + " could not be read: " + e;
        }
    }

    // ---------------------------------------------------------------- distribution and realm files

    /**
     * Unpacks the zip into {@code workDir/<its top-level directory>} unless a complete earlier
     * unpack is there, and returns that directory. A half-finished unpack is replaced.
     */
    static Path unpack(Path zip, Path workDir) throws IOException {
        String root = topLevelDirectory(zip);
        Path home = workDir.resolve(root).toAbsolutePath().normalize();
        if (Files.exists(home.resolve(UNPACKED_MARKER))) {
            return home;
        }
        synchronized (KeycloakServer.class) {
            try (FileChannel channel = FileChannel.open(workDir.resolve(".muster-unpack.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.exists(home.resolve(UNPACKED_MARKER))) {
                    return home;
                }
                deleteRecursively(home);
                Path staging = Files.createTempDirectory(workDir, ".unpack-");
                try {
                    long started = System.nanoTime();
                    extract(zip, staging);
                    Files.move(staging.resolve(root), home, StandardCopyOption.ATOMIC_MOVE);
                    Files.writeString(home.resolve(UNPACKED_MARKER), zip.getFileName() + "\n");
                    LOG.info("Unpacked {} into {} in {} ms", zip.getFileName(), home,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                } finally {
                    deleteRecursively(staging);
                }
            }
        }
        return home;
    }

    private static String topLevelDirectory(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            String root = null;
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                int slash = name.indexOf('/');
                String first = slash < 0 ? name : name.substring(0, slash);
                if (root == null) {
                    root = first;
                } else if (!root.equals(first)) {
                    throw new IOException(zip + " is not a Keycloak distribution: more than one top-level entry");
                }
            }
            if (root == null || root.isEmpty() || root.equals("..")) {
                throw new IOException(zip + " is not a Keycloak distribution: no top-level directory");
            }
            return root;
        }
    }

    private static void extract(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                // java.util.zip drops Unix modes: the launch scripts must be executable again.
                if (out.getParent().getFileName().toString().equals("bin") && out.toString().endsWith(".sh")) {
                    Set<PosixFilePermission> modes = Files.getPosixFilePermissions(out);
                    modes.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(out, modes);
                }
            }
        }
    }

    /**
     * Puts the realm file into {@code data/import}. Keycloak imports it only when its database
     * does not exist yet, so the database is wiped when asked to, or when the realm file changed
     * since the last start (otherwise the change would silently not apply).
     */
    static void installRealm(Path home, boolean fresh) throws IOException {
        byte[] realm = DemoRealm.realmJson();
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Path installed = importDir.resolve(DemoRealm.FILE_NAME);
        boolean changed = Files.exists(installed) && !Arrays.equals(Files.readAllBytes(installed), realm);
        Path database = home.resolve("data/h2");
        if ((fresh || changed) && Files.exists(database)) {
            LOG.info("Wiping {} so that the realm is imported again ({})", database,
                    fresh ? "fresh realm requested" : "realm file changed");
            deleteRecursively(database);
        }
        Files.write(installed, realm);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    // ---------------------------------------------------------------- processes and ports

    /**
     * A Keycloak left running from this directory by a JVM that died without stopping it holds
     * the database and its ports: stop it. Only a live process whose command line names this
     * directory is touched.
     */
    private static void stopLeftover(Path home) throws IOException {
        Path pidFile = home.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(home.toString())).orElse(false));
            if (leftover.isPresent()) {
                LOG.warn("Stopping Keycloak left running from {} (pid {})", home, pid);
                stopTree(leftover.get(), STOP_GRACE);
            }
        } catch (NumberFormatException e) {
            LOG.warn("ignoring unreadable {}", pidFile);
        }
        Files.deleteIfExists(pidFile);
    }

    /** SIGTERM to the root (kc.sh forwards it to Keycloak's JVM), then SIGKILL to whatever is left after the grace period. */
    static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        root.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            awaitExit(p, Math.max(0, deadline - System.nanoTime()));
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                LOG.warn("Keycloak process {} did not stop within {} s: killing it", p.pid(), grace.toSeconds());
                p.destroyForcibly();
                awaitExit(p, TimeUnit.SECONDS.toNanos(10));
            }
        }
    }

    private static void awaitExit(ProcessHandle process, long nanos) {
        try {
            process.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // Checked by the caller through isAlive().
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not wait for process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort(int... taken) throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
                socket.setReuseAddress(true);
                int port = socket.getLocalPort();
                if (Arrays.stream(taken).noneMatch(t -> t == port)) {
                    return port;
                }
            }
        }
    }
}
