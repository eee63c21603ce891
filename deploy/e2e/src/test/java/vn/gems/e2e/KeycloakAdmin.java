package vn.gems.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Creates test-only users in the running realm through Keycloak's admin API (the demo realm file stays clean). */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakAdmin() {
    }

    private static String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", "admin"))
                .post(E2eSuite.config().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A user of {@code agency} holding exactly {@code roles}; password is the demo password. Idempotent. */
    static void ensureUser(String username, String agency, List<String> roles) {
        String admin = adminToken();
        String base = E2eSuite.config().keycloakUrl() + "/admin/realms/gems";
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", "Test", "lastName", username, "email", username + "@test.gems.gov.vn",
                "attributes", Map.of("agency", List.of(agency)),
                "credentials", List.of(Map.of("type", "password", "value", E2eSuite.DEMO_PASSWORD, "temporary", false)));
        int created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(user).post(base + "/users")
                .then().extract().statusCode();
        if (created != 201 && created != 409) {
            throw new IllegalStateException("could not create test user " + username + ": " + created);
        }
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(base + "/users").then().statusCode(200).extract().path("[0].id");
        for (String role : roles) {
            String rep = given().auth().oauth2(admin).get(base + "/roles/" + role).then().statusCode(200).extract().asString();
            try {
                JsonNode r = JSON.readTree(rep);
                given().auth().oauth2(admin).contentType(ContentType.JSON).body("[" + r + "]")
                        .post(base + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Lets the {@code portal} client log in from {@code origin} (the suite's gateway on its random port), as a
     * deployment registers its own address: redirect URI, web origin (CORS of the token endpoint) and logout return.
     */
    static void allowPortalOrigin(String origin) {
        String admin = adminToken();
        String base = E2eSuite.config().keycloakUrl() + "/admin/realms/gems/clients";
        String id = given().auth().oauth2(admin).queryParam("clientId", "portal").get(base).then().statusCode(200).extract().path("[0].id");
        try {
            ObjectNode client = (ObjectNode) JSON.readTree(
                    given().auth().oauth2(admin).get(base + "/" + id).then().statusCode(200).extract().asString());
            client.withArray("redirectUris").add(origin + "/*");
            client.withArray("webOrigins").add(origin);
            ObjectNode attributes = client.with("attributes");
            attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asText("") + "##" + origin + "/*");
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(client.toString()).put(base + "/" + id).then().statusCode(204);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
