package vn.gems.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Installs the Keycloak distribution from the local Maven repository and runs it with the GEMS realm. */
public final class Keycloak {

    private Keycloak() {
    }

    /** The cached {@code keycloak-quarkus-dist} archive this build resolved, and its version. */
    public static Path distributionArchive() {
        String override = System.getenv("GEMS_KEYCLOAK_DIST");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Properties p = buildProperties();
        return Path.of(p.getProperty("keycloak.dist"));
    }

    public static String version() {
        return buildProperties().getProperty("keycloak.version");
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = Keycloak.class.getResourceAsStream("build.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("launcher build.properties missing: rebuild deploy/launcher", e);
        }
        return p;
    }

    /** Extracts the archive under {@code root} once; returns the Keycloak home. */
    public static Path install(Path archive, Path root) throws IOException, InterruptedException {
        Path home = root.resolve("keycloak-" + version());
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("Keycloak archive not found at " + archive
                    + " - build once with ./mvnw so Maven downloads it");
        }
        Files.createDirectories(root);
        Path partial = Files.createTempDirectory(root, "kc-extract");
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", partial.toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes());
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("could not extract " + archive + ": " + out);
        }
        try (var entries = Files.list(partial)) {
            Path extracted = entries.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("empty Keycloak archive " + archive));
            Files.move(extracted, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another run extracted it at the same time: use theirs.
        } finally {
            deleteTree(partial);
        }
        return home;
    }

    /** A private copy of an installed distribution, so that runs in parallel never share Keycloak's data. */
    public static Path copyOf(Path home, Path target) throws IOException {
        deleteTree(target);
        try (var paths = Files.walk(home)) {
            for (Path p : paths.toList()) {
                Path to = target.resolve(home.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    if (!p.equals(home) && home.relativize(p).startsWith("data")) {
                        continue;
                    }
                    Files.createDirectories(to);
                } else if (!home.relativize(p).startsWith("data")) {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Starts Keycloak in dev mode (its own H2 file store under the home, which keeps users between restarts)
     * with the realm imported, and waits on the management port's readiness.
     */
    public static ManagedProcess start(Path home, List<Path> realmFiles, int httpPort, int managementPort, Path log,
                                       Path runDir, Duration timeout) throws IOException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        for (Path realm : realmFiles) {
            Files.copy(realm, importDir.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=10 -Xms64m -Xmx512m",
                "JAVA_HOME", System.getProperty("java.home")));
        // The realm's client secrets are ${VARIABLE} placeholders, which Keycloak 26 fills from its
        // environment (System.getenv) when it imports at start; an unset one stays as the placeholder text.
        env.putAll(Realms.DEMO_ENVIRONMENT);
        ManagedProcess kc = ManagedProcess.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(),
                        "start-dev", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                        "--import-realm", "--health-enabled=true", "--hostname-strict=false"),
                env, home, log, runDir);
        Http.awaitOk("Keycloak", "http://127.0.0.1:" + managementPort + "/health/ready", timeout, kc::alive, kc);
        Http.awaitOk("Keycloak realm gems", "http://127.0.0.1:" + httpPort
                + "/realms/gems/.well-known/openid-configuration", Duration.ofSeconds(60), kc::alive, kc);
        return kc;
    }
}
