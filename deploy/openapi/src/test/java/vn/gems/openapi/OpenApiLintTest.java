package vn.gems.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three published documents pass Redocly's recommended ruleset with no error and no warning
 * ({@code deploy/openapi/redocly.yaml} turns off the rules that do not apply, each with its reason).
 * Redocly's CLI is a Node program, run with {@code npx} from the npm registry; without Node on the PATH the
 * test is skipped on a developer's machine and fails under CI ({@code CI=true}), which must lint.
 */
class OpenApiLintTest {

    static final List<String> SERVICES = List.of("plans", "indicators", "reporting");

    @Test
    void theThreeDocumentsPassRedoclysRecommendedRuleset() throws Exception {
        Path root = Path.of(System.getProperty("gems.root", "../..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(npx(), "--yes", "@redocly/cli@" + System.getProperty("gems.redocly.version", "2.77.0"),
                "lint", "--config", root.resolve("deploy/openapi/redocly.yaml").toString(), "--format=json"));
        for (String s : SERVICES) {
            Path doc = root.resolve(s + "-service/target/openapi/openapi.json");
            assertTrue(Files.isRegularFile(doc), () -> doc + " missing: the service's build stores it (quarkus.smallrye-openapi.store-schema-directory)");
            command.add(doc.toString());
        }
        Path out = Files.createTempFile("redocly-lint", ".json");
        Path err = Files.createTempFile("redocly-lint", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "redocly lint did not finish in 5 minutes");
            String json = Files.readString(out, StandardCharsets.UTF_8);
            String log = Files.readString(err, StandardCharsets.UTF_8);
            assertTrue(json.contains("\"totals\""), () -> "no lint result (exit " + p.exitValue() + "): " + log + json);
            JsonNode result = new ObjectMapper().readTree(json.substring(json.indexOf('{')));
            StringBuilder problems = new StringBuilder();
            for (JsonNode problem : result.path("problems")) {
                problems.append('\n').append(problem.path("severity").asText()).append(' ').append(problem.path("ruleId").asText())
                        .append(": ").append(problem.path("message").asText()).append(" at ")
                        .append(problem.path("location").path(0).path("source").path("ref").asText()).append(' ')
                        .append(problem.path("location").path(0).path("pointer").asText());
            }
            System.out.println("redocly lint (recommended): " + result.path("totals") + problems);
            assertEquals(0, result.path("totals").path("errors").asInt(-1), () -> "errors:" + problems);
            assertEquals(0, result.path("totals").path("warnings").asInt(-1), () -> "warnings:" + problems);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@code npx} from the PATH; skips the test without it, except under CI. */
    private static String npx() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("npx", "--version").redirectErrorStream(true).start();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return "npx";
            }
        } catch (IOException absent) {
            // below
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        assertTrue(!ci, "CI must lint the OpenAPI documents: Node (npx) is not on the PATH");
        Assumptions.abort("Node (npx) is not on the PATH: the Redocly lint of the OpenAPI documents is skipped");
        return null;
    }
}
