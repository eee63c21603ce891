package vn.gems.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.launcher.SuiteConfig;
import vn.gems.launcher.Tokens;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.e2e.E2eSuite.config;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * Every forged or misdirected token is refused with 401 — by the gateway and by each service reached
 * directly (each checks tokens itself). The control case proves the same request succeeds with a real token.
 */
@ExtendWith(E2eSuite.class)
class TokenAttacksE2eTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The places a token is checked: the gateway, and every service directly. */
    private static List<String> targets() {
        List<String> t = new ArrayList<>();
        t.add(gateway() + "/api/me");
        for (SuiteConfig.Service s : config().dataServices()) {
            t.add(s.url() + "/api/me");
        }
        return t;
    }

    private static void refusedEverywhere(String what, String token) {
        for (String url : targets()) {
            int status = given().header("Authorization", "Bearer " + token).get(url).then()
                    .extract().statusCode();
            assertEquals(401, status, what + " must be refused at " + url);
        }
        given().header("Authorization", "Bearer " + token).get(gateway() + "/api/me").then()
                .contentType("application/problem+json").body("code", equalTo("INVALID_TOKEN"));
    }

    private static String realToken() {
        return E2eSuite.token("dolisa.officer");
    }

    @Test
    void controlARealTokenIsAcceptedEverywhere() {
        String token = realToken();
        for (String url : targets()) {
            given().header("Authorization", "Bearer " + token).get(url).then().statusCode(200)
                    .body("agency", equalTo("TTH-DOLISA"));
        }
    }

    @Test
    void noTokenAndGarbage() {
        for (String url : targets()) {
            given().get(url).then().statusCode(401);
            given().header("Authorization", "Bearer").get(url).then().statusCode(401);
            given().header("Authorization", "Basic ZG9saXNhOmdlbXMtZGVtbw==").get(url).then().statusCode(401);
        }
        refusedEverywhere("garbage", "not.a.jwt");
    }

    @Test
    void algNone() {
        ObjectNode payload = Jwts.payload(realToken());
        refusedEverywhere("alg none", Jwts.unsigned(payload));
    }

    @Test
    void tamperedPayloadKeepsTheOldSignature() {
        String token = realToken();
        String[] p = token.split("\\.");
        ObjectNode payload = Jwts.payload(token);
        payload.putObject("realm_access").putArray("roles").add("admin");
        refusedEverywhere("tampered roles", p[0] + "." + Jwts.encode(payload) + "." + p[2]);
    }

    @Test
    void expiredEvenIfOtherwiseValidShape() throws Exception {
        ObjectNode payload = Jwts.payload(realToken());
        payload.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
        refusedEverywhere("expired (re-signed with an unknown key)", Jwts.signedWithOwnKey(payload, Jwts.header(realToken()).path("kid").asText()));
    }

    @Test
    void wrongIssuerWithAGenuineSignature() {
        // Keycloak derives the issuer from the host it is asked on: 127.0.0.1 instead of localhost gives a
        // token signed by the right key but with another issuer.
        String issuer = "http://127.0.0.1:" + config().keycloakPort() + "/realms/gems";
        String token = Tokens.password(issuer, "dolisa.officer", E2eSuite.DEMO_PASSWORD);
        assertEquals(issuer, Jwts.payload(token).path("iss").asText());
        refusedEverywhere("wrong issuer", token);
    }

    @Test
    void wrongAudience() {
        String token = Tokens.password(config().issuer(), "gems-cli-noaud", "dolisa.officer", E2eSuite.DEMO_PASSWORD);
        refusedEverywhere("wrong audience", token);
    }

    @Test
    void tokenFromAnotherRealm() {
        String foreignIssuer = config().keycloakUrl() + "/realms/foreign";
        String token = Tokens.password(foreignIssuer, "mallory", E2eSuite.DEMO_PASSWORD);
        ObjectNode payload = Jwts.payload(token);
        assertEquals("gems-api", payload.path("aud").isArray() ? payload.path("aud").get(0).asText() : payload.path("aud").asText());
        refusedEverywhere("foreign realm", token);
    }

    @Test
    void unknownKid() throws Exception {
        refusedEverywhere("unknown kid", Jwts.signedWithOwnKey(Jwts.payload(realToken()), "attacker-key-1"));
    }

    @Test
    void knownKidButAnotherKey() throws Exception {
        String kid = Jwts.header(realToken()).path("kid").asText();
        refusedEverywhere("known kid, wrong key", Jwts.signedWithOwnKey(Jwts.payload(realToken()), kid));
    }

    @Test
    void hs256SignedWithTheRealmsPublicKey() throws Exception {
        String token = realToken();
        String kid = Jwts.header(token).path("kid").asText();
        String jwks = given().get(config().issuer() + "/protocol/openid-connect/certs").then().statusCode(200).extract().asString();
        PublicKey key = Jwts.rsaKey(JSON.readTree(jwks), kid);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        refusedEverywhere("HS256 with DER public key", Jwts.hs256WithPublicKey(Jwts.payload(token), kid, key.getEncoded()));
        refusedEverywhere("HS256 with PEM public key", Jwts.hs256WithPublicKey(Jwts.payload(token), kid, pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
