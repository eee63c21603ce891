package vn.gems.plans.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import vn.gems.common.problem.FieldError;
import vn.gems.plans.SearchText;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.service.PlanDiffer;
import vn.gems.plans.service.PlanValidator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Speed and memory of what plans-service does per request, on the seed 003 document (6 objectives, 20 targets,
 * 25 measures, 58 KB): JSON read/write, whole-document validation, the version diff, text folding, the memory a
 * parsed document takes, and the free-text search SQL over 1,000 and 10,000 plans in PostgreSQL (127.0.0.1:5432,
 * skipped when absent). Run: {@code ./mvnw -q -Pbench -pl plans-service test-compile exec:java}.
 */
public final class PlansBench {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static void main(String[] args) throws Exception {
        Path seed = Path.of(args.length > 0 ? args[0] : "../deploy/demo/plans/tth-2021-2025.json");
        String text = Files.readString(seed);
        System.out.printf(Locale.ROOT, "plans-service bench — %s, %d cores, max heap %d MB, Java %s%n", seed.getFileName(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "seed 003 document: %,d bytes of JSON%n", text.getBytes().length);

        PlanDocument doc = JSON.readValue(text, PlanDocument.class);
        report("read JSON → PlanDocument", 200, 2_000, () -> JSON.readValue(text, PlanDocument.class));
        report("write PlanDocument → JSON", 200, 2_000, () -> JSON.writeValueAsString(doc));

        Validator bv = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        PlanValidator validator = new PlanValidator(bv, null, null);
        List<FieldError> errors = new ArrayList<>();
        validator.structure(doc, Set.of(), errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("seed 003 should be valid: " + errors);
        }
        report("validate whole document (constraints, keys, rules)", 100, 1_000,
                () -> validator.structure(doc, Set.of(), new ArrayList<>()));

        JsonNode v1 = JSON.valueToTree(doc);
        ObjectNode v2 = v1.deepCopy();
        ((ObjectNode) v2.at("/objectives/3/targets/2/measures/0")).put("targetValue", 17);
        report("diff two versions (one change)", 200, 5_000, () -> PlanDiffer.diff(v1, v2));

        List<String> texts = new ArrayList<>();
        v1.findValues("text").forEach(n -> texts.add(n.asText()));
        v1.findValues("title").forEach(n -> texts.add(n.asText()));
        long chars = texts.stream().mapToLong(String::length).sum();
        double foldNs = report("fold every title and target text (" + chars + " chars)", 200, 2_000,
                () -> SearchText.fold(texts, 1_000_000));
        System.out.printf(Locale.ROOT, "  → %.1f MB of Vietnamese text folded per second%n", chars * 2 / (foldNs / 1e9) / 1e6);

        memory(text);
        search(SearchText.fold(texts, 60_000));
    }

    private interface Work {
        Object run() throws Exception;
    }

    /** Median and p95 time of one call after warm-up; returns the median in ns. */
    private static double report(String what, int warmup, int runs, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            work.run();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        double median = t[runs / 2];
        System.out.printf(Locale.ROOT, "%-58s median %9.1f µs   p95 %9.1f µs   (%,.0f/s)%n", what, median / 1e3,
                t[(int) (runs * 0.95)] / 1e3, 1e9 / median);
        return median;
    }

    private static void memory(String text) throws Exception {
        int n = 500;
        System.gc();
        Thread.sleep(200);
        long before = used();
        List<PlanDocument> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kept.add(JSON.readValue(text, PlanDocument.class));
        }
        System.gc();
        Thread.sleep(200);
        long after = used();
        System.out.printf(Locale.ROOT, "memory: a parsed seed 003 document holds about %,d KB of heap (%d kept)%n",
                (after - before) / n / 1024, kept.size());
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** The search SQL the service runs (folded column, one LIKE per term, newest first, a page of 50). */
    private static void search(String folded) {
        String url = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String db = "gems_plans_bench_" + Long.toString(System.nanoTime(), 36);
        try (Connection admin = DriverManager.getConnection(url, "postgres", "")) {
            admin.createStatement().execute("create database " + db);
            try (Connection c = DriverManager.getConnection(url.replace("/postgres", "/" + db), "postgres", "")) {
                c.createStatement().execute("create table plan (id bigserial primary key, status varchar(20) not null, "
                        + "period_from int not null, period_to int not null, unit_code varchar(40) not null, search_text text not null)");
                String[] words = folded.split(" ");
                int loaded = 0;
                for (int size : new int[]{1_000, 10_000}) {
                    try (PreparedStatement ins = c.prepareStatement(
                            "insert into plan(status, period_from, period_to, unit_code, search_text) values (?,?,?,?,?)")) {
                        for (int i = loaded; i < size; i++) {
                            // Each plan: a different slice of real plan text, so matches are neither all nor none.
                            int from = (i * 37) % Math.max(1, words.length - 600);
                            ins.setString(1, i % 3 == 0 ? "DRAFT" : "ISSUED");
                            ins.setInt(2, 2011 + i % 15);
                            ins.setInt(3, 2011 + i % 15 + i % 5);
                            ins.setString(4, "VN-" + (i % 63));
                            ins.setString(5, String.join(" ", Arrays.copyOfRange(words, from, Math.min(words.length, from + 600))) + " plan " + i);
                            ins.addBatch();
                        }
                        ins.executeBatch();
                    }
                    loaded = size;
                    c.createStatement().execute("analyze plan");
                    for (String q : new String[]{"binh dang gioi", "ty suat sinh vi thanh nien", "khong co dau"}) {
                        searchOnce(c, size, q);
                    }
                }
            } finally {
                admin.createStatement().execute("drop database if exists " + db + " with (force)");
            }
        } catch (Exception e) {
            System.out.println("search: skipped (no PostgreSQL at " + url + ": " + e.getMessage() + ")");
        }
    }

    private static void searchOnce(Connection c, int size, String q) throws Exception {
        List<String> terms = SearchText.terms(q);
        StringBuilder where = new StringBuilder("status in ('ISSUED','CLOSED')");
        terms.forEach(t -> where.append(" and search_text like ?"));
        String count = "select count(*) from plan where " + where;
        String page = "select id from plan where " + where + " order by period_from desc, id desc limit 50";
        long[] t = new long[30];
        long matches = 0;
        for (int r = -5; r < t.length; r++) {
            long s = System.nanoTime();
            for (String sql : new String[]{count, page}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < terms.size(); i++) {
                        ps.setString(i + 1, "%" + terms.get(i) + "%");
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        if (sql == count && rs.next()) {
                            matches = rs.getLong(1);
                        }
                        while (rs.next()) {
                            // drain
                        }
                    }
                }
            }
            if (r >= 0) {
                t[r] = System.nanoTime() - s;
            }
        }
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "search %,6d plans q=%-28s %,6d matches   median %6.1f ms   p95 %6.1f ms (count + page)%n",
                size, "\"" + q + "\"", matches, t[t.length / 2] / 1e6, t[(int) (t.length * 0.95)] / 1e6);
    }

    private PlansBench() {
    }
}
