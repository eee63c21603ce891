package vn.gems.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything that differs between the demo suite ({@code deploy/gems up}) and the end-to-end test suite:
 * ports, where state lives, database names. Demo secrets are the documented ones the demo gives the realm's
 * placeholders ({@link Realms#DEMO_ENVIRONMENT}); production takes them from its secret store instead.
 */
public record SuiteConfig(
        Path repoRoot,
        Path stateDir,
        Path keycloakInstallRoot,
        boolean persistent,
        int gatewayPort,
        int plansPort,
        int indicatorsPort,
        int reportingPort,
        int keycloakPort,
        int keycloakManagementPort,
        int embeddedPostgresPort,
        String databasePrefix,
        String serviceJvmOptions,
        Map<String, String> extraEnvironment,
        List<Path> extraRealmFiles,
        int portalPort) {

    public static final String PLANS_CLIENT_SECRET = "plans-service-demo-secret";
    public static final String REPORTING_CLIENT_SECRET = "reporting-service-demo-secret";
    public static final String INDICATORS_CLIENT_SECRET = "indicators-service-demo-secret";

    /** The demo suite: fixed, documented ports; state under {@code .gems/} in the clone, kept across restarts. */
    public static SuiteConfig demo(Path repoRoot) {
        return new SuiteConfig(repoRoot, repoRoot.resolve(".gems"), repoRoot.resolve(".gems"), true,
                8080, 8081, 8082, 8083, 8180, 9180, 54329, "gems",
                // -Xms32m: the heap starts small and grows (by default it starts at Xmx, whose young generation
                // is all touched before the first collection: ~60 MB more resident for nothing).
                "-Xmx256m -Xms32m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k",
                // The demo shows the API page; production keeps Swagger UI off (the default of the prod profile).
                Map.of("SWAGGER_UI_ENABLED", "true"), List.of(), 8084);
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/gems";
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public Path runDir() {
        return stateDir.resolve("run");
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }

    /**
     * The demo gems realm (production realm plus demo overlay, written under the state directory), plus any other
     * realm a test needs (e.g. a foreign realm whose tokens must be refused).
     */
    public List<Path> realmFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Realms.writeDemo(repoRoot, stateDir.resolve("realm")));
        files.addAll(extraRealmFiles);
        return files;
    }

    public Path demoManifest() {
        return repoRoot.resolve("deploy/demo/manifest.json");
    }

    /** One of the five Quarkus applications. */
    public record Service(String name, String module, int port, String database) {
        public Path jar(Path repoRoot) {
            return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }

        public String url() {
            return "http://localhost:" + port;
        }
    }

    public Service plans() {
        return new Service("plans-service", "plans-service", plansPort, databasePrefix + "_plans");
    }

    public Service indicators() {
        return new Service("indicators-service", "indicators-service", indicatorsPort, databasePrefix + "_indicators");
    }

    public Service reporting() {
        return new Service("reporting-service", "reporting-service", reportingPort, databasePrefix + "_reporting");
    }

    public Service gateway() {
        return new Service("gateway", "gateway", gatewayPort, null);
    }

    /** The portal's pages and scripts; people reach it through the gateway ({@link #portalUrl()}). */
    public Service portal() {
        return new Service("portal", "portal", portalPort, null);
    }

    public String portalUrl() {
        return gatewayUrl() + "/";
    }

    public List<Service> dataServices() {
        return List.of(indicators(), plans(), reporting());
    }

    public List<Service> allServices() {
        return List.of(indicators(), plans(), reporting(), gateway(), portal());
    }
}
