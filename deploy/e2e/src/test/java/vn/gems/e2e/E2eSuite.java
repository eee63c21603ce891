package vn.gems.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.gems.launcher.DemoLoader;
import vn.gems.launcher.Realms;
import vn.gems.launcher.Suite;
import vn.gems.launcher.SuiteConfig;
import vn.gems.launcher.Tokens;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts the whole suite once per test run, exactly as {@code deploy/gems up} does but on free ports, with
 * throw-away databases and a fresh Keycloak realm, and stops it when the run ends.
 */
public class E2eSuite implements BeforeAllCallback {

    public static final String DEMO_PASSWORD = "gems-demo";
    private static Suite suite;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /**
     * Starts the suite on first use (through the extension, once per test JVM)
     * and stops it when the test JVM exits.
     */
    public static synchronized void start() throws Exception {
        if (suite != null) {
            return;
        }
        Path root = Path.of(System.getProperty("gems.root", "../..")).toAbsolutePath().normalize();
        String prefix = "gems_e2e_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
        Path target = root.resolve("deploy/e2e/target");
        SuiteConfig config = new SuiteConfig(root, target.resolve("suite-" + prefix), target.resolve("keycloak-dist"), false,
                freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), prefix,
                "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                // The fuzz and matrix tests send thousands of requests; the rate limits have their own tests.
                Map.of("GEMS_GATEWAY_LIMITS_AUTHENTICATED_PER_MINUTE", "1000000",
                        "GEMS_GATEWAY_LIMITS_AUTHENTICATED_BURST", "100000",
                        "GEMS_GATEWAY_LIMITS_ANONYMOUS_PER_MINUTE", "1000000",
                        "GEMS_GATEWAY_LIMITS_ANONYMOUS_BURST", "100000",
                        // Files over 64 KB become background jobs (202), so the portal's upload test sees a job's progress.
                        "GEMS_INDICATORS_PUSH_SYNC_MAX_BYTES", "64K"),
                List.of(root.resolve("deploy/e2e/src/test/resources/foreign-realm.json"),
                        productionRealmCopy(root, target.resolve("realm-" + prefix))), freePort());
        Suite s = new Suite(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                s.close();
            } catch (Exception e) {
                System.err.println("could not stop the end-to-end suite: " + e);
            }
        }, "gems-e2e-suite-stop"));
        s.start();
        new DemoLoader(config).load(false);
        suite = s;
    }

    /** The realm operators import, unchanged but for its name, so the tests can ask the same Keycloak about it. */
    public static final String PRODUCTION_REALM = "gems-production";

    private static Path productionRealmCopy(Path root, Path dir) throws IOException {
        ObjectNode realm = Realms.read(root.resolve(Realms.PRODUCTION));
        realm.put("realm", PRODUCTION_REALM);
        Files.createDirectories(dir);
        Path file = dir.resolve(PRODUCTION_REALM + "-realm.json");
        new ObjectMapper().writeValue(file.toFile(), realm);
        return file;
    }

    public static Suite suite() {
        return suite;
    }

    public static SuiteConfig config() {
        return suite.config();
    }

    public static String gateway() {
        return config().gatewayUrl();
    }

    /** A demo user's access token (password grant; demo realm and tests only). */
    public static String token(String username) {
        return Tokens.password(config().issuer(), username, DEMO_PASSWORD);
    }

    public static String bearer(String username) {
        return "Bearer " + token(username);
    }

    private static final Map<String, Map.Entry<Long, String>> cachedTokens = new ConcurrentHashMap<>();

    /** A demo or test user's bearer header, reused for up to a minute (tests that send hundreds of requests). */
    public static String cachedBearer(String username) {
        long now = System.nanoTime();
        Map.Entry<Long, String> t = cachedTokens.get(username);
        if (t == null || now - t.getKey() > TimeUnit.SECONDS.toNanos(60)) {
            t = Map.entry(now, bearer(username));
            cachedTokens.put(username, t);
        }
        return t.getValue();
    }

    public static String clientToken(String clientId, String secret) {
        return Tokens.clientCredentials(config().issuer(), clientId, secret);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Polls until {@code done} holds (an exception counts as "not yet": a field still missing), or fails. */
    public static void await(String what, Duration max, BooleanSupplier done) {
        Awaitility.await(what).atMost(max).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(done::getAsBoolean);
    }
}
