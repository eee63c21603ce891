package vn.gems.indicators;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.gems.common.testing.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Loads the demo reference data of {@code deploy/demo/indicators/} through the API, as the demo loader does
 * (so the files themselves are tested): units, restructuring events, the catalogue, supplier assignments.
 * Once per test JVM; 409 (already there) counts as loaded.
 */
public final class Demo {

    public static final String ADMIN = TestTokens.bearer("gems.admin", "TTH-DOLISA", "admin");
    public static final Path DIR = Path.of("../deploy/demo/indicators");
    private static boolean loaded;

    private Demo() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        post("/api/units", "units.json");
        post("/api/unit-events", "unit-events.json");
        post("/api/indicators", "catalogue.json");
        post("/api/indicators/suppliers", "suppliers.json");
        loaded = true;
    }

    private static void post(String path, String file) {
        for (Object item : items(file)) {
            Response r = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(item).post(path);
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                throw new IllegalStateException(path + " " + item + " answered " + r.statusCode() + ": " + r.asString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(String file) {
        try {
            return new ObjectMapper().readValue(Files.readString(DIR.resolve(file)), List.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
