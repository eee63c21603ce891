package vn.gems.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the demo data through the gateway's public API, step by step as {@code deploy/demo/manifest.json}
 * lists them, so the demo exercises the same validation as any client. Re-running is harmless: a step
 * answering 409 or 412 (already there) counts as done, and a 429 (the gateway's per-user rate) is waited out.
 */
public final class DemoLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final SuiteConfig config;
    private final Map<String, String> tokens = new HashMap<>();

    public DemoLoader(SuiteConfig config) {
        this.config = config;
    }

    /** Runs every step; returns one line per step saying what happened. */
    public List<String> load() throws IOException, InterruptedException {
        return load(true);
    }

    /**
     * Runs the steps; with {@code samples} false, only reference data (steps not marked {@code "sample": true}),
     * which is what the end-to-end tests want: they create their own plans and reports.
     */
    public List<String> load(boolean samples) throws IOException, InterruptedException {
        return load(step -> samples || !step.path("sample").asBoolean(false));
    }

    /**
     * Runs only the steps of one {@code "group"} (sample or not): an end-to-end test loads the part of the demo it
     * proves (e.g. {@code chain-2026}) whatever else the suite loaded.
     */
    public List<String> loadGroup(String group) throws IOException, InterruptedException {
        return load(step -> group.equals(step.path("group").asText(null)));
    }

    private List<String> load(Predicate<JsonNode> wanted) throws IOException, InterruptedException {
        Path manifestFile = config.demoManifest();
        JsonNode manifest = JSON.readTree(manifestFile.toFile());
        List<String> report = new ArrayList<>();
        for (JsonNode step : manifest.path("steps")) {
            if (!wanted.test(step)) {
                continue;
            }
            Path file = manifestFile.getParent().resolve(step.path("file").asText());
            JsonNode body = JSON.readTree(file.toFile());
            List<JsonNode> items = new ArrayList<>();
            if (step.path("each").asBoolean(false)) {
                body.forEach(items::add);
            } else {
                items.add(body);
            }
            int created = 0;
            int existing = 0;
            for (JsonNode item : items) {
                int status = send(manifest, step, item);
                if (status == 409 || status == 412) {
                    existing++;
                } else {
                    created++;
                }
            }
            report.add(step.path("name").asText() + ": " + created + " loaded, " + existing + " already there");
        }
        return report;
    }

    private int send(JsonNode manifest, JsonNode step, JsonNode item) throws IOException, InterruptedException {
        String path = fill(step.path("path").asText(), item);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(manifest, step.path("as").asText()))
                .header("Content-Type", step.path("contentType").asText("application/json"))
                .method(step.path("method").asText("POST"), HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(item)));
        step.path("headers").fields().forEachRemaining(h -> req.header(h.getKey(), h.getValue().asText()));
        HttpResponse<String> res = Http.sendPatiently(Http.CLIENT, req.build(), Http.ATTEMPTS);
        int s = res.statusCode();
        if ((s >= 200 && s < 300) || s == 409 || s == 412) {
            return s;
        }
        throw new IllegalStateException("demo step '" + step.path("name").asText() + "' " + path + " answered "
                + s + ": " + res.body());
    }

    private String token(JsonNode manifest, String who) {
        return tokens.computeIfAbsent(who, w -> {
            if (w.startsWith("client:")) {
                String client = w.substring("client:".length());
                return Tokens.clientCredentials(config.issuer(), client, manifest.path("clientSecrets").path(client).asText());
            }
            return Tokens.password(config.issuer(), w, manifest.path("demoPassword").asText());
        });
    }

    static String fill(String template, JsonNode item) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = item.path(m.group(1)).asText();
            m.appendReplacement(out, Matcher.quoteReplacement(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
