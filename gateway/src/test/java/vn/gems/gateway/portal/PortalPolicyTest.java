package vn.gems.gateway.portal;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.Test;
import vn.gems.gateway.FakeUpstreams;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The portal's answers keep the portal's own policy; everything else keeps the API's {@code default-src 'none'};
 * the portal's two routes ({@code /} and {@code /portal/**}) take nothing that belongs to the API or the gateway.
 */
@QuarkusTest
@QuarkusTestResource(value = PortalPolicyTest.FakePortal.class, restrictToAnnotatedClass = true)
class PortalPolicyTest {

    static final String PORTAL_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' http://kc.test";

    @Test
    void portalPagesKeepThePortalsPolicy() {
        given().get("/").then().statusCode(200).body(containsString("portal page /"))
                .header("Content-Security-Policy", equalTo(PORTAL_CSP)).header("X-Frame-Options", "DENY");
        given().get("/portal/bundle/main-ABC.js").then().statusCode(200).body(containsString("portal page /portal/bundle/main-ABC.js"))
                .header("Content-Security-Policy", equalTo(PORTAL_CSP)).header("Cache-Control", "public, max-age=60");
    }

    @Test
    void everythingElseKeepsTheApiPolicyAndItsProblems() {
        given().get("/api/nothing-here").then().statusCode(404).contentType(containsString("application/problem+json"))
                .header("Content-Security-Policy", containsString("default-src 'none'; frame-ancestors 'none'"));
        given().get("/portalx").then().statusCode(404).contentType(containsString("application/problem+json"));
        given().get("/q/health/live").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'; frame-ancestors 'none'"));
        // An API route whose service is down: the gateway's own problem, with the API's policy.
        given().get("/api/public/units/VN-46").then().statusCode(503).contentType(containsString("application/problem+json"))
                .header("Content-Security-Policy", containsString("default-src 'none'; frame-ancestors 'none'"));
    }

    /** The usual fake upstreams (indicators-service a closed port), plus a portal that answers every path with its own policy. */
    public static class FakePortal extends FakeUpstreams {
        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            vertx = Vertx.vertx();
            HttpServer server = vertx.createHttpServer().requestHandler(req -> req.response()
                    .putHeader("Content-Type", "text/html").putHeader("Content-Security-Policy", PORTAL_CSP)
                    .end("portal page " + req.path()));
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            config.put("gems.gateway.services.portal.url", "http://127.0.0.1:" + server.actualPort());
            return config;
        }

        @Override
        public void stop() {
            super.stop();
            if (vertx != null) {
                vertx.close();
            }
        }
    }
}
