package vn.gems.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the PostgreSQL server GEMS uses, or starts an embedded one.
 * <p>
 * Order: {@code GEMS_DB_URL} (a {@code jdbc:postgresql://host:port/} URL) when set; else the server at
 * 127.0.0.1:5432 when it accepts connections; else an embedded PostgreSQL from the zonky binaries
 * (as root it runs through {@code unshare -U}). {@code GEMS_DB=embedded} forces the embedded one.
 */
public final class Postgres {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** Where a server listens and how to log in as a superuser. */
    public record Endpoint(String host, int port, String user, String password, boolean embedded) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(database), user, password);
        }
    }

    private Postgres() {
    }

    /** The server named by the environment or running locally, if any answers. */
    public static Optional<Endpoint> external() {
        if ("embedded".equalsIgnoreCase(env("GEMS_DB", ""))) {
            return Optional.empty();
        }
        String user = env("GEMS_DB_USER", "postgres");
        String password = env("GEMS_DB_PASSWORD", "");
        String url = env("GEMS_DB_URL", "");
        if (!url.isBlank()) {
            URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            return Optional.of(new Endpoint(uri.getHost(), port, user, password, false));
        }
        if (accepts("127.0.0.1", 5432)) {
            return Optional.of(new Endpoint("127.0.0.1", 5432, user, password, false));
        }
        return Optional.empty();
    }

    /**
     * Starts an embedded server. A persistent one keeps its data directory, registers no shutdown hook and
     * outlives this JVM ({@code pg_ctl} daemonises it); its postmaster PID is in {@code postmaster.pid}.
     */
    public static EmbeddedPostgres startEmbedded(Path dataDir, int port, boolean persistent) throws IOException {
        return startEmbedded(dataDir, port, !persistent, !persistent);
    }

    /**
     * Starts an embedded server; with {@code clean} false an existing data directory is reused, so a server
     * {@linkplain EmbeddedPostgres#close() stopped} this way starts again with its data (the replica suite's outage).
     */
    public static EmbeddedPostgres startEmbedded(Path dataDir, int port, boolean clean, boolean shutdownHook) throws IOException {
        Files.createDirectories(dataDir.getParent());
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(shutdownHook)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .start();
    }

    public static Endpoint endpointOf(EmbeddedPostgres pg) {
        return new Endpoint("127.0.0.1", pg.getPort(), "postgres", "", true);
    }

    /** PID of the postmaster that owns a data directory, if it runs. */
    public static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static void createDatabaseIfMissing(Endpoint pg, String name) throws SQLException {
        requireSafe(name);
        try (Connection c = pg.connect("postgres");
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var st = c.createStatement()) {
                    st.execute("create database " + name + " encoding 'UTF8' template template0");
                }
            }
        }
    }

    public static void dropDatabase(Endpoint pg, String name) throws SQLException {
        requireSafe(name);
        try (Connection c = pg.connect("postgres"); var st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        }
    }

    public static boolean accepts(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe database name: " + name);
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
