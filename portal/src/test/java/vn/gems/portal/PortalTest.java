package vn.gems.portal;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page, its bundle and the headers that keep the policy strict, as the packaged application serves them. */
@QuarkusTest
class PortalTest {

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*>");

    @Test
    void pageLoadsOnlyItsOwnBundledScriptsUnderAStrictPolicy() {
        Response page = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff").extract().response();
        String csp = page.header("Content-Security-Policy");
        assertEquals(PortalRoutes.policy(URI.create("http://localhost:8180/realms/gems")), csp);
        assertTrue(csp.contains("script-src 'self';") && csp.contains("style-src 'self';") && !csp.contains("unsafe"), csp);
        assertTrue(csp.contains("connect-src 'self' http://localhost:8180;"), "the token endpoint's origin only: " + csp);
        String html = page.asString();
        Matcher m = SCRIPT.matcher(html);
        int scripts = 0;
        while (m.find()) {
            scripts++;
            assertTrue(m.group().matches("<script[^>]*type=\"module\"[^>]*src=\"/portal/bundle/main-[A-Z0-9]+\\.js\"[^>]*>"),
                    "only the bundle, from this origin: " + m.group());
        }
        assertEquals(1, scripts, html);
        assertFalse(html.contains(" style=\""), "no inline style attribute");
        assertFalse(html.contains("<style"), "no inline style element");
    }

    @Test
    void bundlesAreImmutableAndCompressed() {
        String html = given().get("/").asString();
        Matcher m = Pattern.compile("/portal/bundle/main-[A-Z0-9]+\\.js").matcher(html);
        assertTrue(m.find(), html);
        given().header("Accept-Encoding", "gzip").get(m.group()).then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Content-Encoding", "gzip")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void configTellsTheBrowserTheRealmAndTheClient() {
        given().get("/portal/config.json").then().statusCode(200).contentType(containsString("application/json"))
                .body("issuer", equalTo("http://localhost:8180/realms/gems")).body("clientId", equalTo("portal"));
    }

    @Test
    void healthAnswersForTheLauncher() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
