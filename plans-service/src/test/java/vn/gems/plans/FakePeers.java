package vn.gems.plans;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for plans-service's peers: Keycloak's token endpoint (client credentials),
 * indicators-service ({@code GET /api/indicators?codes=}, {@code GET /api/units/{code}}) and reporting-service
 * ({@code POST /api/reports/plan-events}, idempotent by key like the real one). A second server controls it:
 * {@code POST /mode?indicators=UP|DOWN|SLOW&reporting=UP|DOWN|CONFLICT|REJECT}, {@code POST /close} and
 * {@code POST /open} (the port refuses connections, then listens again), {@code GET /events}, {@code POST /reset}.
 * Its unit change feed ({@code GET /api/unit-changes?after=&size=}) holds what tests append with
 * {@code POST /unit-events} (a JSON array of changes; the server numbers them 1, 2, …); reset keeps it, since the
 * service's stored cursor does too.
 */
public class FakePeers implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "fake-service-token";
    public static final String CONTROL_PROPERTY = "gems.test.fake-peers.control";

    /** indicators-service's catalogue (issue 4) as the seeds use it. */
    public static final Set<String> INDICATORS = Set.of("GOV_BODIES_FEMALE_KEY_LEADER_SHARE", "WAGE_WORKERS", "WAGE_EMPLOYMENT_RATE",
            "EMPLOYED_IN_AGRICULTURE_SHARE", "ENTERPRISE_DIRECTORS", "UNPAID_CARE_HOURS", "GBV_VICTIMS_SUPPORTED_SHARE",
            "GBV_PERPETRATORS_COUNSELLED_SHARE", "TRAFFICKING_VICTIMS_SUPPORTED_SHARE", "SOCIAL_FACILITIES_GBV_SHARE",
            "BIRTHS", "MATERNAL_MORTALITY_RATIO", "ADOLESCENT_BIRTH_RATE", "HEALTH_FACILITIES_LGBT_PILOT",
            "GENDER_CURRICULUM_TEACHER_TRAINING", "PRIMARY_COMPLETION_RATE", "LOWER_SECONDARY_COMPLETION_RATE",
            "VOCATIONAL_NEW_ENROLMENTS", "MASTERS_DEGREE_HOLDERS", "DOCTORATE_HOLDERS",
            "POPULATION_REACHED_GE_KNOWLEDGE_SHARE", "ORGS_INFORMED_COMMITTED_SHARE", "COMMUNES_GE_NEWS_SHARE",
            "BROADCASTERS_GE_PROGRAMME_SHARE");
    public static final Set<String> UNITS = Set.of("VN", "VN-46", "VN-46-HUE", "VN-51", "VN-51-STI", "VN-51-STI-TINHHA", "VN-51-SONTINH",
            "VN-62", "VN-42", "VN-01");

    private Vertx vertx;
    private HttpServer peer;
    private volatile boolean peerOpen;
    private int peerPort;
    private volatile String indicatorsMode = "UP";
    private volatile String reportingMode = "UP";
    private final List<JsonObject> events = new ArrayList<>();
    private final Set<String> processedKeys = new HashSet<>();
    private int indicatorCalls;
    private final List<JsonObject> unitFeed = new ArrayList<>();
    private int unitFeedCalls;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            listenPeer(0);
            HttpServer control = vertx.createHttpServer().requestHandler(this::control);
            control.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String up = "http://127.0.0.1:" + peerPort;
            return Map.of(
                    "quarkus.rest-client.indicators.url", up,
                    "quarkus.rest-client.reporting.url", up,
                    "quarkus.oidc-client.auth-server-url", up,
                    "quarkus.oidc-client.discovery-enabled", "false",
                    "quarkus.oidc-client.token-path", "/token",
                    "quarkus.oidc-client.credentials.secret", "test-secret",
                    CONTROL_PROPERTY, "http://127.0.0.1:" + control.actualPort());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void listenPeer(int port) throws Exception {
        peer = vertx.createHttpServer().requestHandler(this::peer);
        peer.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        peerPort = peer.actualPort();
        peerOpen = true;
    }

    private void peer(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            String path = req.path();
            if (path.equals("/token")) {
                json(req, 200, new JsonObject().put("access_token", TOKEN).put("token_type", "Bearer").put("expires_in", 3600));
                return;
            }
            if (!("Bearer " + TOKEN).equals(req.getHeader("Authorization"))) {
                json(req, 401, new JsonObject().put("code", "UNAUTHENTICATED"));
                return;
            }
            if (path.startsWith("/api/indicators") || path.startsWith("/api/units/") || path.equals("/api/unit-changes")) {
                String mode = indicatorsMode;
                if (mode.equals("DOWN")) {
                    json(req, 503, new JsonObject().put("code", "SERVICE_UNAVAILABLE"));
                } else if (mode.equals("SLOW")) {
                    vertx.setTimer(10_000, t -> indicators(req, path));
                } else {
                    indicators(req, path);
                }
                return;
            }
            if (path.equals("/api/reports/plan-events") && req.method().name().equals("POST")) {
                reporting(req, body.toJsonObject());
                return;
            }
            json(req, 404, new JsonObject().put("code", "NOT_FOUND"));
        });
    }

    private void indicators(HttpServerRequest req, String path) {
        if (req.response().closed()) {
            return;
        }
        synchronized (this) {
            indicatorCalls++;
        }
        if (path.equals("/api/unit-changes")) {
            unitFeed(req);
            return;
        }
        if (path.startsWith("/api/units/")) {
            String code = path.substring("/api/units/".length());
            // VN-TEST…: units the committee follower tests make up
            if (UNITS.contains(code) || code.startsWith("VN-TEST")) {
                json(req, 200, new JsonObject().put("code", code).put("name", "Unit " + code).put("level", "PROVINCE"));
            } else {
                json(req, 404, new JsonObject().put("code", "NOT_FOUND"));
            }
            return;
        }
        JsonArray items = new JsonArray();
        String codes = req.getParam("codes");
        if (codes != null) {
            for (String c : codes.split(",")) {
                if (INDICATORS.contains(c)) {
                    items.add(new JsonObject().put("code", c).put("name", c).put("unit", "PERCENT"));
                }
            }
        }
        json(req, 200, new JsonObject().put("items", items).put("total", items.size()).put("page", 0).put("size", 500));
    }

    private synchronized void unitFeed(HttpServerRequest req) {
        unitFeedCalls++;
        long after = Long.parseLong(req.getParam("after", "0"));
        int size = Integer.parseInt(req.getParam("size", "100"));
        JsonArray items = new JsonArray();
        for (JsonObject c : unitFeed) {
            if (c.getLong("seq") > after && items.size() < size) {
                items.add(c);
            }
        }
        long next = items.isEmpty() ? after : items.getJsonObject(items.size() - 1).getLong("seq");
        json(req, 200, new JsonObject().put("items", items).put("after", after).put("next", next).put("head", unitFeed.size()));
    }

    private synchronized void reporting(HttpServerRequest req, JsonObject body) {
        String key = req.getHeader("Idempotency-Key");
        int status = switch (reportingMode) {
            case "DOWN" -> 503;
            case "CONFLICT" -> 409;
            case "REJECT" -> 422;
            default -> 200;
        };
        boolean firstTime = status == 200 && processedKeys.add(key);
        events.add(new JsonObject().put("key", key).put("body", body).put("status", status).put("firstTime", firstTime)
                .put("authorized", true));
        json(req, status, new JsonObject().put("obligationsCreated", firstTime ? 3 : 0).put("replayed", status == 200 && !firstTime));
    }

    private void control(HttpServerRequest req) {
        req.body().onSuccess(b -> {
            try {
                switch (req.path()) {
                    case "/mode" -> {
                        if (req.getParam("indicators") != null) {
                            indicatorsMode = req.getParam("indicators");
                        }
                        if (req.getParam("reporting") != null) {
                            reportingMode = req.getParam("reporting");
                        }
                        json(req, 200, new JsonObject().put("indicators", indicatorsMode).put("reporting", reportingMode));
                    }
                    case "/close" -> {
                        peerOpen = false;
                        peer.close().onComplete(x -> json(req, 200, new JsonObject().put("closed", peerPort)));
                    }
                    case "/open" -> {
                        if (!peerOpen) {
                            vertx.executeBlocking(() -> {
                                listenPeer(peerPort);
                                return null;
                            }).onComplete(x -> json(req, x.succeeded() ? 200 : 500, new JsonObject().put("open", peerPort)));
                        } else {
                            json(req, 200, new JsonObject().put("open", peerPort));
                        }
                    }
                    case "/events" -> {
                        synchronized (this) {
                            json(req, 200, new JsonObject().put("events", new JsonArray(new ArrayList<>(events)))
                                    .put("indicatorCalls", indicatorCalls).put("unitFeedCalls", unitFeedCalls));
                        }
                    }
                    case "/unit-events" -> {
                        synchronized (this) {
                            for (Object o : b.toJsonArray()) {
                                unitFeed.add(((JsonObject) o).copy().put("seq", unitFeed.size() + 1));
                            }
                            json(req, 200, new JsonObject().put("head", unitFeed.size()));
                        }
                    }
                    case "/reset" -> {
                        synchronized (this) {
                            events.clear();
                            processedKeys.clear();
                            indicatorCalls = 0;
                            unitFeedCalls = 0;
                        }
                        indicatorsMode = "UP";
                        reportingMode = "UP";
                        json(req, 200, new JsonObject());
                    }
                    default -> json(req, 404, new JsonObject());
                }
            } catch (Exception e) {
                json(req, 500, new JsonObject().put("error", String.valueOf(e)));
            }
        });
    }

    private static void json(HttpServerRequest req, int status, JsonObject body) {
        if (!req.response().closed() && !req.response().ended()) {
            // No keep-alive: every call opens a connection, so a closed port refuses the very next one.
            req.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "close").end(body.encode());
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
