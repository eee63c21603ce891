package vn.gems.indicators.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation is documented: a summary, a tag, and a schema for each answer that has a body. */
@QuarkusTest
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumented() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var p : paths.entrySet()) {
            if (p.getKey().equals("/api/me")) {
                continue;
            }
            for (var op : p.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                Map<String, Object> o = (Map<String, Object>) op.getValue();
                String where = op.getKey().toUpperCase() + " " + p.getKey();
                if (o.get("summary") == null) {
                    missing.add(where + ": summary");
                }
                if (o.get("tags") == null) {
                    missing.add(where + ": tag");
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) o.get("responses");
                for (var r : responses.entrySet()) {
                    if (r.getKey().startsWith("2") && !r.getKey().equals("204") && r.getValue().get("content") == null) {
                        missing.add(where + ": schema of " + r.getKey());
                    }
                }
            }
        }
        assertTrue(operations >= 30, "operations found: " + operations);
        assertEquals(List.of(), missing);
        Map<String, Object> push = (Map<String, Object>) paths.get("/api/values/pushes").get("post");
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) push.get("requestBody")).get("content");
        assertTrue(content.containsKey("text/csv") && content.containsKey("application/x-ndjson"), content.keySet().toString());
    }
}
