package vn.gems.reporting;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.MathContext;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Small real HTTP servers standing in for the peers in {@code @QuarkusTest}s: a token endpoint (client
 * credentials), plans-service (plan versions, agencies, holders) and indicators-service (values batch with
 * Idempotency-Key, roll-ups summing child units). Indicators can be stopped and started again on the same port.
 * Both peers answer 401 to calls without the token the fake token endpoint issued. Never the only proof: the
 * end-to-end suite runs against the real services.
 */
public class FakePeers implements QuarkusTestResourceLifecycleManager {

    /** One stored value: what a batch wrote or the statistics office pushed. */
    public record Row(String indicator, String unit, String period, String sex, Map<String, String> dimensions, BigDecimal value,
                      String sourceKind, String reference, String agency) {
    }

    private Vertx vertx;
    private HttpServer plansServer;
    private HttpServer indicatorsServer;
    private int indicatorsPort;

    private final Map<String, JsonObject> planVersions = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> agencies = new ConcurrentHashMap<>();
    private final Map<String, String> unitParents = new ConcurrentHashMap<>();
    /** A unit moved under another parent on a date (a merger): unit → {parent, from}. */
    private final Map<String, JsonObject> unitMoves = new ConcurrentHashMap<>();
    /** The {@code asOf} of every roll-up call, in order. */
    private final List<String> rollupAsOfs = new CopyOnWriteArrayList<>();
    private final Map<String, JsonObject> unitNames = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> catalogue = new ConcurrentHashMap<>();
    private final Set<String> units = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonObject> batchAnswers = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> batchBodies = new ConcurrentHashMap<>();
    private final List<Row> rows = new CopyOnWriteArrayList<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger batchCalls = new AtomicInteger();
    private final AtomicInteger rollupCalls = new AtomicInteger();
    private final AtomicInteger planCalls = new AtomicInteger();
    private final AtomicInteger agencyBatchCalls = new AtomicInteger();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private volatile boolean plansDown;
    /** Dated units for {@code GET /api/units/{code}/territory?level=&asOf=}: code → {level, parent, from, to}. */
    private final Map<String, JsonObject> datedUnits = new ConcurrentHashMap<>();
    private final AtomicInteger territoryCalls = new AtomicInteger();
    /** Body code → its memberships {agency, from, to}. */
    private final Map<String, JsonArray> members = new ConcurrentHashMap<>();
    /** Runs while plans-service answers an agency request (tests look at the database meanwhile). */
    private volatile Consumer<String> onAgencyCall = code -> { };

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            plansServer = vertx.createHttpServer().requestHandler(this::plans);
            plansServer.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (ServerSocket s = new ServerSocket(0)) {
                indicatorsPort = s.getLocalPort();
            }
            startIndicators();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String plans = "http://127.0.0.1:" + plansServer.actualPort();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.plans.url", plans);
        config.put("quarkus.rest-client.indicators.url", "http://127.0.0.1:" + indicatorsPort);
        config.put("quarkus.oidc-client.auth-server-url", plans);
        config.put("quarkus.oidc-client.discovery-enabled", "false");
        config.put("quarkus.oidc-client.token-path", "/token");
        config.put("quarkus.oidc-client.credentials.secret", "test-secret");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectFakePeers.class, FakePeers.class));
    }

    // ---- test controls ----

    public void plan(long id, int version, JsonObject doc) {
        planVersions.put(id + ":" + version, doc.copy().put("id", id).put("version", version));
    }

    public void agency(String code, String nameVi, String unit, String parent, String validTo, String... successors) {
        agencies.put(code, new JsonObject().put("code", code).put("nameVi", nameVi).put("nameEn", code).put("unitCode", unit)
                .put("parentCode", parent).put("validTo", validTo).put("successors", new JsonArray(List.of((Object[]) successors)))
                .put("active", validTo == null || !LocalDate.parse(validTo).isBefore(Fixtures.today())));
    }

    /** Gives a registered agency its English name. */
    public void agencyEn(String code, String nameEn) {
        agencies.get(code).put("nameEn", nameEn);
    }

    /** A catalogue entry: kept by sex or not, SUM / RATIO / NONE, and the rate's multiplier. */
    public void indicator(String code, boolean bySex, String aggregation, int multiplier) {
        catalogue.put(code, new JsonObject().put("code", code).put("bySex", bySex).put("aggregation", aggregation).put("multiplier", multiplier));
    }

    public void unit(String... codes) {
        units.addAll(List.of(codes));
    }

    /** A unit renamed on {@code from}: GET /api/units/{code}?asOf= answers its name then and both dated names. */
    public void unitRenamed(String code, String oldVi, String oldEn, String newVi, String newEn, String from) {
        LocalDate day = LocalDate.parse(from);
        unitNames.put(code, new JsonObject().put("code", code).put("from", from).put("names", new JsonArray()
                .add(new JsonObject().put("nameVi", oldVi).put("nameEn", oldEn).put("validFrom", "1989-07-01").put("validTo", day.minusDays(1).toString()))
                .add(new JsonObject().put("nameVi", newVi).put("nameEn", newEn).put("validFrom", from).putNull("validTo"))));
    }

    /** A unit existing from {@code from} to {@code to} (null: still exists) under {@code parent}, for territory?level= answers. */
    public void datedUnit(String code, String level, String parent, String from, String to) {
        datedUnits.put(code, new JsonObject().put("level", level).put("parent", parent).put("from", from).put("to", to));
    }

    public int territoryCalls() {
        return territoryCalls.get();
    }

    /** A body's members: each {agency, from, to}. */
    public void members(String body, JsonArray list) {
        members.put(body, list.copy());
    }

    public void unitParent(String unit, String parent) {
        unitParents.put(unit, parent);
    }

    /** From {@code from} on, {@code unit} lies under {@code parent} (before: under its {@link #unitParent}); roll-ups follow their asOf. */
    public void unitMoved(String unit, String parent, String from) {
        unitMoves.put(unit, new JsonObject().put("parent", parent).put("from", from));
    }

    public List<String> rollupAsOfs() {
        return List.copyOf(rollupAsOfs);
    }

    /** A value as if the statistics office (or another source) had pushed it to indicators-service. */
    public void push(String indicator, String unit, String period, String sex, BigDecimal value, String kind, String reference, String agency) {
        rows.add(new Row(indicator, unit, period, sex, Map.of(), value, kind, reference, agency));
    }

    public void stopIndicators() throws Exception {
        if (indicatorsServer != null) {
            indicatorsServer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            indicatorsServer = null;
        }
    }

    public void startIndicators() throws Exception {
        if (indicatorsServer == null) {
            indicatorsServer = vertx.createHttpServer().requestHandler(this::indicators);
            indicatorsServer.listen(indicatorsPort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    public void onAgencyCall(Consumer<String> hook) {
        onAgencyCall = hook == null ? code -> { } : hook;
    }

    public void plansDown(boolean down) {
        plansDown = down;
    }

    public int batchCalls() {
        return batchCalls.get();
    }

    public int rollupCalls() {
        return rollupCalls.get();
    }

    /** Batch reads of agencies ({@code GET /api/agencies?codes=}) answered so far. */
    public int agencyBatchCalls() {
        return agencyBatchCalls.get();
    }

    public int planCalls() {
        return planCalls.get();
    }

    public int tokenCalls() {
        return tokenCalls.get();
    }

    /** Bodies of the batches indicators-service accepted, by Idempotency-Key (first delivery only). */
    public Map<String, JsonObject> batches() {
        return new LinkedHashMap<>(batchBodies);
    }

    public List<Row> rows() {
        return new ArrayList<>(rows);
    }

    // ---- plans-service ----

    private void plans(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            String path = req.path();
            if (path.equals("/token") && req.method().name().equals("POST")) {
                tokenCalls.incrementAndGet();
                String token = "fake-service-token-" + tokens.size();
                tokens.add(token);
                json(req, 200, new JsonObject().put("access_token", token).put("token_type", "Bearer").put("expires_in", 300));
                return;
            }
            if (plansDown) {
                req.connection().close();
                return;
            }
            if (!authorised(req)) {
                json(req, 401, new JsonObject().put("code", "UNAUTHENTICATED"));
                return;
            }
            String[] p = path.split("/");
            if (p.length == 4 && p[2].equals("plans")) {
                planCalls.incrementAndGet();
                JsonObject current = planVersions.values().stream().filter(d -> p[3].equals(d.getString("code")) || p[3].equals(String.valueOf(d.getValue("id"))))
                        .max(Comparator.comparingInt(d -> d.getInteger("version"))).orElse(null);
                if (current == null) {
                    json(req, 404, new JsonObject().put("code", "NOT_FOUND"));
                } else {
                    json(req, 200, current);
                }
                return;
            }
            if (p.length == 6 && p[2].equals("plans") && p[4].equals("versions")) {
                planCalls.incrementAndGet();
                JsonObject doc = planVersions.get(p[3] + ":" + p[5]);
                if (doc == null) {
                    json(req, 404, new JsonObject().put("code", "NOT_FOUND"));
                } else {
                    json(req, 200, doc);
                }
                return;
            }
            if (p.length == 3 && p[2].equals("agencies") && req.getParam("codes") != null) {
                // GET /api/agencies?codes=A,B,C: the agencies among the codes that exist
                agencyBatchCalls.incrementAndGet();
                JsonArray items = new JsonArray();
                for (String code : req.getParam("codes").split(",")) {
                    if (agencies.containsKey(code)) {
                        items.add(agencies.get(code));
                    }
                }
                json(req, 200, new JsonObject().put("items", items).put("total", items.size()));
                return;
            }
            if (p.length >= 4 && p[2].equals("agencies")) {
                onAgencyCall.accept(p[3]);
                JsonObject a = agencies.get(p[3]);
                if (a == null) {
                    json(req, 404, new JsonObject().put("code", "NOT_FOUND"));
                } else if (p.length == 5 && p[4].equals("members")) {
                    String asOf = req.getParam("asOf");
                    JsonArray out = new JsonArray();
                    members.getOrDefault(p[3], new JsonArray()).forEach(o -> {
                        JsonObject m = (JsonObject) o;
                        if (covers(m.getString("from"), m.getString("to"), asOf)) {
                            out.add(m);
                        }
                    });
                    req.response().putHeader("Content-Type", "application/json").setStatusCode(200).end(out.encode());
                } else if (p.length == 5 && p[4].equals("holders")) {
                    req.response().putHeader("Content-Type", "application/json").setStatusCode(200).end(holders(p[3]).encode());
                } else {
                    json(req, 200, a);
                }
                return;
            }
            json(req, 404, new JsonObject().put("code", "NOT_FOUND"));
        });
    }

    private JsonArray holders(String code) {
        JsonArray out = new JsonArray();
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(code));
        while (!todo.isEmpty()) {
            String c = todo.remove(0);
            JsonObject a = agencies.get(c);
            if (a == null || !seen.add(c)) {
                continue;
            }
            if (a.getBoolean("active")) {
                out.add(a);
            } else {
                a.getJsonArray("successors").forEach(s -> todo.add(s.toString()));
            }
        }
        return out;
    }

    // ---- indicators-service ----

    private void indicators(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            if (!authorised(req)) {
                json(req, 401, new JsonObject().put("code", "UNAUTHENTICATED"));
                return;
            }
            if (req.path().startsWith("/api/units/") && req.path().endsWith("/territory")) {
                territoryCalls.incrementAndGet();
                String root = req.path().substring("/api/units/".length(), req.path().length() - "/territory".length());
                String asOf = req.getParam("asOf");
                JsonArray out = new JsonArray();
                datedUnits.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    JsonObject u = e.getValue();
                    if (u.getString("level").equals(req.getParam("level")) && covers(u.getString("from"), u.getString("to"), asOf)
                            && inside(e.getKey(), root)) {
                        out.add(e.getKey());
                    }
                });
                req.response().putHeader("Content-Type", "application/json").setStatusCode(200).end(out.encode());
                return;
            }
            if (req.path().startsWith("/api/units/") && unitNames.containsKey(req.path().substring("/api/units/".length()))) {
                JsonObject u = unitNames.get(req.path().substring("/api/units/".length()));
                String asOf = req.getParam("asOf") == null ? Fixtures.today().toString() : req.getParam("asOf");
                JsonObject then = u.getJsonArray("names").getJsonObject(asOf.compareTo(u.getString("from")) < 0 ? 0 : 1);
                json(req, 200, new JsonObject().put("code", u.getString("code")).put("name", then.getString("nameVi"))
                        .put("nameVi", then.getString("nameVi")).put("nameEn", then.getString("nameEn")).put("asOf", asOf)
                        .put("names", u.getJsonArray("names")));
                return;
            }
            if (req.path().equals("/api/indicators")) {
                JsonArray items = new JsonArray();
                for (String c : String.valueOf(req.getParam("codes")).split(",")) {
                    if (catalogue.containsKey(c)) {
                        items.add(catalogue.get(c));
                    }
                }
                json(req, 200, new JsonObject().put("items", items).put("total", items.size()).put("page", 0).put("size", 500));
                return;
            }
            if (req.path().equals("/api/values/batch")) {
                batchCalls.incrementAndGet();
                String key = req.getHeader("Idempotency-Key");
                if (key == null) {
                    json(req, 400, new JsonObject().put("code", "IDEMPOTENCY_KEY_REQUIRED"));
                    return;
                }
                JsonObject replay = batchAnswers.get(key);
                if (replay != null) {
                    json(req, 200, replay);
                    return;
                }
                JsonObject b = body.toJsonObject();
                JsonObject source = b.getJsonObject("source");
                JsonArray values = b.getJsonArray("values");
                // The real service's rules that matter here: known indicator, sex as the indicator is kept, all or nothing.
                for (int i = 0; i < values.size(); i++) {
                    JsonObject v = values.getJsonObject(i);
                    JsonObject ind = catalogue.get(v.getString("indicatorCode"));
                    String error = ind == null ? "UNKNOWN_INDICATOR"
                            : ind.getBoolean("bySex") && v.getString("sex") == null ? "SEX_REQUIRED"
                            : !ind.getBoolean("bySex") && v.getString("sex") != null ? "SEX_NOT_APPLICABLE" : null;
                    if (error != null) {
                        json(req, 422, new JsonObject().put("code", "INVALID_VALUES").put("errors", new JsonArray()
                                .add(new JsonObject().put("field", "values[" + i + "]").put("code", error))));
                        return;
                    }
                }
                for (int i = 0; i < values.size(); i++) {
                    JsonObject v = values.getJsonObject(i);
                    Map<String, String> dims = new TreeMap<>();
                    v.getJsonObject("dimensions", new JsonObject()).forEach(e -> dims.put(e.getKey(), String.valueOf(e.getValue())));
                    BigDecimal value = v.getValue("value") == null
                            ? new BigDecimal(v.getValue("numerator").toString()).multiply(BigDecimal.valueOf(catalogue.get(v.getString("indicatorCode"))
                            .getInteger("multiplier"))).divide(new BigDecimal(v.getValue("denominator").toString()), MathContext.DECIMAL64)
                            : new BigDecimal(v.getValue("value").toString());
                    rows.add(new Row(v.getString("indicatorCode"), v.getString("unitCode"), v.getString("period"), v.getString("sex"), dims,
                            value, source.getString("kind"), source.getString("reference"), source.getString("agency")));
                }
                JsonObject answer = new JsonObject().put("accepted", values.size()).put("changed", values.size()).put("unchanged", 0);
                batchAnswers.put(key, answer);
                batchBodies.put(key, b);
                json(req, 200, answer);
                return;
            }
            if (req.path().equals("/api/values/rollups")) {
                rollupCalls.incrementAndGet();
                JsonObject b = body.toJsonObject();
                rollupAsOfs.add(String.valueOf(b.getString("asOf")));
                JsonArray results = new JsonArray();
                JsonArray errors = new JsonArray();
                JsonArray queries = b.getJsonArray("queries");
                for (int i = 0; i < queries.size(); i++) {
                    if (!units.contains(queries.getJsonObject(i).getString("unit"))) {
                        errors.add(new JsonObject().put("field", "queries[" + i + "].unit").put("code", "UNKNOWN_UNIT"));
                    }
                }
                if (!errors.isEmpty()) {
                    json(req, 422, new JsonObject().put("code", "INVALID_QUERIES").put("status", 422).put("errors", errors));
                    return;
                }
                for (Object q : queries) {
                    results.add(rollup((JsonObject) q, b.getString("asOf")));
                }
                json(req, 200, new JsonObject().put("results", results));
                return;
            }
            json(req, 404, new JsonObject().put("code", "NOT_FOUND"));
        });
    }

    private JsonObject rollup(JsonObject q, String asOf) {
        String indicator = q.getString("indicator");
        String unit = q.getString("unit");
        String period = q.getString("period");
        Map<String, String> dims = new TreeMap<>();
        q.getJsonObject("dimensions", new JsonObject()).forEach(e -> dims.put(e.getKey(), String.valueOf(e.getValue())));
        // The latest value per (unit, sex) counts; parts are summed over the unit and its descendants.
        Map<String, Row> latest = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.indicator().equals(indicator) && r.period().equals(period) && new TreeMap<>(r.dimensions()).equals(dims)
                    && within(r.unit(), unit, asOf == null ? Fixtures.today().toString() : asOf)) {
                latest.put(r.unit() + "|" + r.sex(), r);
            }
        }
        BigDecimal female = null;
        BigDecimal male = null;
        BigDecimal total = null;
        BigDecimal value = null;
        Set<String> units = new LinkedHashSet<>();
        Map<String, JsonObject> sources = new LinkedHashMap<>();
        for (Row r : latest.values()) {
            units.add(r.unit());
            sources.putIfAbsent(r.sourceKind() + r.reference() + r.agency(), new JsonObject().put("kind", r.sourceKind())
                    .put("reference", r.reference()).put("agency", r.agency()).putNull("system"));
            if ("FEMALE".equals(r.sex())) {
                female = add(female, r.value());
            } else if ("MALE".equals(r.sex())) {
                male = add(male, r.value());
            } else if ("TOTAL".equals(r.sex())) {
                total = add(total, r.value());
            } else {
                value = add(value, r.value());
            }
        }
        JsonObject res = new JsonObject().put("indicator", indicator).put("unit", unit).put("period", period).put("asOf", asOf)
                .put("dimensions", new JsonObject(new HashMap<>(dims)))
                .put("female", female).put("male", male).put("total", total).put("value", value)
                .putNull("femaleShare").putNull("femaleToMaleRatio").putNull("maleToFemaleX100").putNull("gap")
                .put("contributingUnits", new JsonArray(new ArrayList<>(units)))
                .put("sources", new JsonArray(new ArrayList<>(sources.values())))
                .put("status", latest.isEmpty() ? "NO_DATA" : "FINAL").put("valueCount", latest.size());
        return res;
    }

    private boolean within(String unit, String ancestor, String asOf) {
        for (String u = unit; u != null; u = parentOn(u, asOf)) {
            if (u.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private String parentOn(String unit, String asOf) {
        JsonObject moved = unitMoves.get(unit);
        return moved != null && asOf.compareTo(moved.getString("from")) >= 0 ? moved.getString("parent") : unitParents.get(unit);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : a.add(b);
    }

    private boolean authorised(HttpServerRequest req) {
        String auth = req.getHeader("Authorization");
        return auth != null && auth.startsWith("Bearer ") && tokens.contains(auth.substring(7));
    }

    private static void json(HttpServerRequest req, int status, JsonObject body) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static boolean covers(String from, String to, String day) {
        return day == null || (day.compareTo(from) >= 0 && (to == null || day.compareTo(to) <= 0));
    }

    private boolean inside(String code, String root) {
        for (String c = code; c != null; c = datedUnits.containsKey(c) ? datedUnits.get(c).getString("parent") : null) {
            if (c.equals(root)) {
                return true;
            }
        }
        return false;
    }
}
