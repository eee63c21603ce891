package vn.gems.e2e;

import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Objects the matrix rows refer to ({placeholders} in paths and bodies), created once before the matrix runs,
 * and the conditional headers writes need (If-Match with the current ETag, read just before the request).
 */
final class MatrixFixtures {

    private static final Map<String, String> values = new HashMap<>();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private MatrixFixtures() {
    }

    static void prepare() {
        String admin = "Bearer " + E2eSuite.token("gems.admin");
        // An agency every row may read, edit or retire.
        values.put("agency", "MATRIX-" + Long.toString(System.nanoTime(), 36).toUpperCase());
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","nameVi":"Cơ quan kiểm thử","nameEn":"Matrix agency","kind":"OTHER",
                         "unitCode":"VN-46","validFrom":"2020-01-01"}""".formatted(values.get("agency")))
                .post(E2eSuite.gateway() + "/api/agencies").then().statusCode(201);
    }

    static String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** If-Match for updates: the current ETag of the object, read with an admin token just before. */
    static Map<String, String> headersFor(String method, String path) {
        Map<String, String> h = new HashMap<>();
        if (method.equals("PUT") || method.equals("PATCH") || path.endsWith("/retirement")) {
            String target = path.endsWith("/retirement") ? path.substring(0, path.length() - "/retirement".length()) : path;
            String etag = given().header("Authorization", "Bearer " + E2eSuite.token("gems.admin"))
                    .get(E2eSuite.gateway() + target).then().extract().header("ETag");
            if (etag != null) {
                h.put("If-Match", etag);
            }
        }
        return h;
    }

    static String serviceOf(String path) {
        if (path.startsWith("/api/indicators") || path.startsWith("/api/units") || path.startsWith("/api/values")
                || path.startsWith("/api/public/values")) {
            return "indicators";
        }
        if (path.startsWith("/api/reports") || path.startsWith("/api/public/reports")) {
            return "reporting";
        }
        return "plans";
    }
}
