package vn.gems.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code deploy/gems up|down|status}: the command-line face of {@link Suite}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("gems.root", ".")).toAbsolutePath().normalize();
        SuiteConfig config = SuiteConfig.demo(root);
        String command = args.length == 0 ? "status" : args[0];
        int exit = switch (command) {
            case "up" -> up(config);
            case "down" -> down(config);
            case "status" -> status(config);
            case "bench-startup" -> StartupBench.run(root);
            default -> {
                System.err.println("usage: deploy/gems up|down|status|bench-startup");
                yield 2;
            }
        };
        System.exit(exit);
    }

    private static int up(SuiteConfig config) throws Exception {
        long t0 = System.nanoTime();
        int replicas = Integer.parseInt(Postgres.env("GEMS_REPLICAS", "1").trim());
        System.out.println("Starting GEMS (PostgreSQL, Keycloak, 3 services" + (replicas > 1 ? " × " + replicas + " instances" : "")
                + ", gateway, portal); Keycloak's first start takes about a minute...");
        Suite suite = new Suite(config).withInstances(replicas).start();
        Postgres.Endpoint pg = suite.postgres();
        System.out.printf("Ready in %.0f s. PostgreSQL: %s:%d (%s)%n", (System.nanoTime() - t0) / 1e9,
                pg.host(), pg.port(), pg.embedded() ? "embedded, data in " + config.stateDir().resolve("postgres") : "existing server");
        System.out.println("Loading demo data through the gateway...");
        for (String line : new DemoLoader(config).load()) {
            System.out.println("  " + line);
        }
        printWelcome(config);
        if (replicas > 1) {
            System.out.println("Instances 2.." + replicas + " of each service listen on its port + 1000 × (n - 1); the gateway balances them.");
        }
        return 0;
    }

    private static void printWelcome(SuiteConfig c) {
        String g = c.gatewayUrl();
        System.out.println();
        System.out.println("GEMS is up.");
        System.out.println("  Gateway (the one entry point) " + g);
        System.out.println("  Portal (public pages, workspace) " + c.portalUrl());
        System.out.println("  API docs (Swagger UI)         " + g + "/q/swagger-ui");
        System.out.println("  Keycloak                      " + c.keycloakUrl() + "  (admin console: admin / admin)");
        System.out.println("  Services (direct, token needed) plans " + c.plans().url() + ", indicators "
                + c.indicators().url() + ", reporting " + c.reporting().url());
        System.out.println("  Logs and PIDs                 " + c.logDir() + ", " + c.runDir());
        System.out.println();
        System.out.println("Demo users (password gems-demo): dolisa.officer, health.reporter, stats.officer,");
        System.out.println("  district.officer, auditor.tth, gems.admin   (see README for roles and agencies)");
        System.out.println();
        System.out.println("Try: who am I, through the gateway");
        System.out.println("  TOKEN=$(curl -s -d grant_type=password -d client_id=gems-cli -d username=dolisa.officer \\");
        System.out.println("      -d password=gems-demo " + c.issuer() + "/protocol/openid-connect/token \\");
        System.out.println("      | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + g + "/api/me");
        System.out.println();
        System.out.println("Stop everything with: deploy/gems down");
    }

    private static int down(SuiteConfig config) throws Exception {
        List<String> stopped = Suite.stopAll(config);
        System.out.println(stopped.isEmpty() ? "Nothing of GEMS was running." : "Stopped: " + String.join(", ", stopped));
        return 0;
    }

    private static int status(SuiteConfig config) {
        System.out.printf("%-20s %-8s %-9s %s%n", "component", "pid", "state", "health");
        row(config, "postgres", null, config.embeddedPostgresPort());
        row(config, "keycloak", "http://127.0.0.1:" + config.keycloakManagementPort() + "/health/ready", config.keycloakPort());
        for (SuiteConfig.Service s : config.allServices()) {
            row(config, s.name(), "http://127.0.0.1:" + s.port() + "/q/health/ready", s.port());
            for (int i = 1; i < Suite.MAX_INSTANCES && s.database() != null; i++) {
                if (ManagedProcess.recall(Suite.instanceName(s, i), config.runDir()).isPresent()) {
                    int port = s.port() + 1000 * i;
                    row(config, Suite.instanceName(s, i), "http://127.0.0.1:" + port + "/q/health/ready", port);
                }
            }
        }
        return 0;
    }

    private static void row(SuiteConfig config, String name, String health, int port) {
        Optional<ManagedProcess> p = ManagedProcess.recall(name, config.runDir());
        boolean alive = p.map(ManagedProcess::alive).orElse(false);
        String state = p.isEmpty() ? "-" : alive ? "running" : "dead";
        String h = health == null || !alive ? "" : Http.status(health) == 200 ? "ready " + health : "not ready " + health;
        if (p.isEmpty() && "postgres".equals(name)) {
            h = Postgres.external().map(e -> "using existing server " + e.host() + ":" + e.port()).orElse("");
        }
        if (!alive && h.isEmpty() && Postgres.accepts("127.0.0.1", port)) {
            // Another clone's suite, or anything else: say so rather than leave the user guessing why `up` fails.
            h = "something answers on :" + port + " (not started by this clone)";
        }
        System.out.printf("%-20s %-8s %-9s %s%n", name, p.map(x -> String.valueOf(x.pid())).orElse("-"), state, h);
    }
}
