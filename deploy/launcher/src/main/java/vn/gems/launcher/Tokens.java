package vn.gems.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Gets access tokens from the realm: password grant for demo users (demo and tests only), client credentials for machines. */
public final class Tokens {

    /** Public client with direct access grants, for the demo curl and the tests. Disable it in production. */
    public static final String CLI_CLIENT = "gems-cli";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    public static String password(String issuer, String username, String password) {
        return password(issuer, CLI_CLIENT, username, password);
    }

    public static String password(String issuer, String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        return request(issuer, form);
    }

    public static String clientCredentials(String issuer, String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return request(issuer, form);
    }

    private static String request(String issuer, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> res = Http.CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("token request for " + form.get("client_id") + "/"
                        + form.getOrDefault("username", "") + " failed: " + res.statusCode() + " " + res.body());
            }
            JsonNode json = JSON.readTree(res.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
