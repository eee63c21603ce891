package vn.gems.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Random;

/**
 * A benchmark's own database on the PostgreSQL server named by {@code -Dbench.pgUrl} (default
 * jdbc:postgresql://127.0.0.1:5432/), {@code -Dbench.pgUser} (postgres) and {@code -Dbench.pgPassword}: a fresh name
 * per run, since other worktrees on the same server run the same benchmarks. Connects through the driver given
 * (exec:java's class loader hides it from DriverManager).
 */
public record BenchDatabase(String base, String user, String password, String name, Driver driver) {

    /** A database name of this run's own, starting with {@code prefix}; not created yet. */
    public static BenchDatabase own(String prefix, Driver driver) {
        return new BenchDatabase(System.getProperty("bench.pgUrl", "jdbc:postgresql://127.0.0.1:5432/"),
                System.getProperty("bench.pgUser", "postgres"), System.getProperty("bench.pgPassword", ""),
                prefix + Long.toString(ProcessHandle.current().pid(), 36) + Integer.toString(new Random().nextInt(1 << 20), 36), driver);
    }

    public String jdbcUrl() {
        return base + name;
    }

    /** A connection to this run's database. */
    public Connection connect() throws SQLException {
        return connect(jdbcUrl());
    }

    public Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return driver.connect(url, p);
    }

    /** Drops (if there) and creates this run's database. */
    public void recreate() throws SQLException {
        drop();
        admin("create database " + name);
    }

    public void drop() throws SQLException {
        admin("drop database if exists " + name + " with (force)");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = connect(base + "postgres"); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The module's packaged service ({@code -Dbench.module}, default the working directory), which must exist. */
    public static Path packagedService() {
        Path jar = Path.of(System.getProperty("bench.module", ".")).toAbsolutePath().resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the service first: " + jar + " is missing");
        }
        return jar;
    }
}
