package vn.gems.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.launcher.Realms;
import vn.gems.launcher.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production realm file, imported by the suite's Keycloak as realm {@code gems-production} (only its name
 * changed), with its client secrets from Keycloak's environment as in production: machine clients get tokens with
 * the secret from the environment, never with the placeholder; nobody can use the password grant; the password
 * policy, brute-force detection and the one-time code for admins hold when a person signs in.
 */
@ExtendWith(E2eSuite.class)
class ProductionRealmE2eTest {

    private static final String REALM = E2eSuite.PRODUCTION_REALM;
    private static final String STRONG_PASSWORD = "Correct-Horse-Battery-42";

    private static String issuer() {
        return E2eSuite.config().keycloakUrl() + "/realms/" + REALM;
    }

    private static String admin() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", "admin"))
                .post(E2eSuite.config().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String adminApi() {
        return E2eSuite.config().keycloakUrl() + "/admin/realms/" + REALM;
    }

    @Test
    void machineClientsGetTokensWithTheSecretFromTheEnvironment() {
        Map<String, String> roleOf = Map.of("statistics-office", "stats-pusher", "national-gender-db", "gov-system",
                "plans-service", "gems-service", "reporting-service", "gems-service", "indicators-service", "gems-service");
        Map<String, String> secretOf = Map.of("statistics-office", "STATISTICS_OFFICE_CLIENT_SECRET",
                "national-gender-db", "NATIONAL_GENDER_DB_CLIENT_SECRET", "plans-service", "PLANS_CLIENT_SECRET",
                "reporting-service", "REPORTING_CLIENT_SECRET", "indicators-service", "INDICATORS_CLIENT_SECRET");
        roleOf.forEach((client, role) -> {
            String variable = secretOf.get(client);
            String token = Tokens.clientCredentials(issuer(), client, Realms.DEMO_ENVIRONMENT.get(variable));
            var claims = Jwts.payload(token);
            assertTrue(claims.path("aud").toString().contains("gems-api"), client + ": no gems-api audience " + claims);
            assertTrue(claims.path("realm_access").path("roles").toString().contains("\"" + role + "\""),
                    client + ": role " + role + " missing " + claims);
            // Had Keycloak not resolved the placeholder, the placeholder itself would be the secret.
            assertThrows(IllegalStateException.class,
                    () -> Tokens.clientCredentials(issuer(), client, "${" + variable + "}"), client);
        });
        assertEquals("TTH-STATS", Jwts.payload(Tokens.clientCredentials(issuer(), "statistics-office",
                Realms.DEMO_ENVIRONMENT.get("STATISTICS_OFFICE_CLIENT_SECRET"))).path("agency").asText());
    }

    @Test
    void noPasswordGrantAndNoPeople() {
        String admin = admin();
        List<String> users = given().auth().oauth2(admin).queryParam("max", 500).get(adminApi() + "/users")
                .then().statusCode(200).extract().jsonPath().getList("username");
        assertTrue(users.stream().allMatch(u -> u.startsWith("service-account-") || u.startsWith("prod-test.")), users.toString());
        for (String client : List.of("gems-cli", "portal")) {
            assertThrows(IllegalStateException.class, () -> Tokens.password(issuer(), client, "dolisa.officer", E2eSuite.DEMO_PASSWORD),
                    client + " issued a password-grant token");
        }
        Response realm = given().auth().oauth2(admin).get(adminApi());
        realm.then().statusCode(200);
        assertEquals(Boolean.TRUE, realm.path("bruteForceProtected"));
        assertEquals("browser with admin OTP", realm.path("browserFlow"));
        assertTrue(((String) realm.path("passwordPolicy")).contains("length(12)"), realm.path("passwordPolicy").toString());
    }

    @Test
    void thePasswordPolicyRefusesTheDemoPassword() {
        String admin = admin();
        Map<String, Object> user = Map.of("username", "prod-test.weak", "enabled", true,
                "attributes", Map.of("agency", List.of("TTH-DOH")),
                "credentials", List.of(Map.of("type", "password", "value", E2eSuite.DEMO_PASSWORD, "temporary", false)));
        int status = given().auth().oauth2(admin).contentType(ContentType.JSON).body(user).post(adminApi() + "/users")
                .then().extract().statusCode();
        assertEquals(400, status, "a user with the demo password was accepted");
    }

    /** An admin signing in through the browser is made to set up a one-time code; a reporter is not. */
    @Test
    void adminsMustSetUpAOneTimeCodeReportersSignInDirectly() throws Exception {
        createUser("prod-test.admin", "admin");
        createUser("prod-test.reporter", "reporter");

        // The admin is sent to the required action that sets up an authenticator, not back to the portal with a code.
        HttpResponse<String> admin = signIn("prod-test.admin", STRONG_PASSWORD);
        String adminNext = admin.headers().firstValue("Location").orElse("");
        assertTrue(admin.statusCode() == 302 && adminNext.contains("/login-actions/required-action")
                        && adminNext.contains("execution=CONFIGURE_TOTP"),
                "the admin was not made to set up a one-time code: " + admin.statusCode() + " " + adminNext);

        HttpResponse<String> reporter = signIn("prod-test.reporter", STRONG_PASSWORD);
        assertEquals(302, reporter.statusCode(), "reporter: " + reporter.body());
        String location = reporter.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(Realms.DEMO_ENVIRONMENT.get("GEMS_PORTAL_URL") + "/") && location.contains("code="),
                "the reporter was not sent back to the portal with a code: " + location);
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() throws Exception {
        String id = createUser("prod-test.locked", "reporter");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = signIn("prod-test.locked", "Wrong-Password-" + i + "x");
            assertEquals(200, r.statusCode(), r.body());
        }
        // Keycloak counts failures on a background queue: wait for the count to land.
        E2eSuite.await("the account locked after 5 failures", Duration.ofSeconds(20), () -> Boolean.TRUE.equals(
                given().auth().oauth2(admin()).get(adminApi() + "/attack-detection/brute-force/users/" + id)
                        .then().statusCode(200).extract().path("disabled")));
        HttpResponse<String> right = signIn("prod-test.locked", STRONG_PASSWORD);
        assertFalse(right.statusCode() == 302, "a locked account signed in");
    }

    private static String createUser(String username, String role) {
        String admin = admin();
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", "Test", "lastName", username, "email", username + "@test.gems.gov.vn",
                "attributes", Map.of("agency", List.of("TTH-DOLISA")),
                "credentials", List.of(Map.of("type", "password", "value", STRONG_PASSWORD, "temporary", false)));
        int created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(user).post(adminApi() + "/users")
                .then().extract().statusCode();
        assertTrue(created == 201 || created == 409, "creating " + username + ": " + created);
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(adminApi() + "/users").then().statusCode(200).extract().path("[0].id");
        String rep = given().auth().oauth2(admin).get(adminApi() + "/roles/" + role).then().statusCode(200).extract().asString();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("[" + rep + "]")
                .post(adminApi() + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        return id;
    }

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /** The portal's authorization-code login as a browser does it: the login page, then the form, no redirect followed. */
    private static HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        // Cookies carried by hand: java.net.CookieManager never sends a cookie back to a host without a dot (localhost).
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String redirect = Realms.DEMO_ENVIRONMENT.get("GEMS_PORTAL_URL") + "/signed-in";
        String auth = issuer() + "/protocol/openid-connect/auth?client_id=portal&response_type=code&scope=openid"
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(auth)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        Matcher form = FORM_ACTION.matcher(page.body());
        assertTrue(form.find(), "no login form: " + page.body());
        String action = form.group(1).replace("&amp;", "&");
        assertNotNull(action);
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        return browser.send(HttpRequest.newBuilder(URI.create(action)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
