package vn.gems.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production realm holds nothing of the demo and is hardened; the demo realm (production plus overlay) agrees
 * with it on roles, clients, protocol mappers and audiences. Reads the files operators and the launcher import.
 */
class RealmsTest {

    private static final Path ROOT = Path.of(System.getProperty("gems.root", "../..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private static ObjectNode production() throws IOException {
        return Realms.read(ROOT.resolve(Realms.PRODUCTION));
    }

    private static ObjectNode demo() throws IOException {
        return Realms.demo(ROOT);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return list(realm.path("clients")).stream().filter(c -> clientId.equals(c.path("clientId").asText()))
                .findFirst().orElse(null);
    }

    private static Set<String> clientIds(JsonNode realm) {
        Set<String> ids = new TreeSet<>();
        realm.path("clients").forEach(c -> ids.add(c.path("clientId").asText()));
        return ids;
    }

    @Test
    void productionHoldsNoUserOnlyServiceAccounts() throws IOException {
        for (JsonNode user : production().path("users")) {
            String name = user.path("username").asText();
            assertTrue(user.hasNonNull("serviceAccountClientId"), name + " is a person, not a service account");
            assertFalse(user.has("credentials"), name + " has credentials");
            assertEquals("service-account-" + user.path("serviceAccountClientId").asText(), name);
        }
        assertFalse(production().path("users").isEmpty(), "service accounts need their role mappings");
    }

    @Test
    void productionHasNoPasswordGrantNoTestClientNoLiteralSecretNoDemoValue() throws IOException {
        ObjectNode prod = production();
        for (JsonNode c : prod.path("clients")) {
            String id = c.path("clientId").asText();
            assertFalse(c.path("directAccessGrantsEnabled").asBoolean(false), id + " allows the password grant");
            assertFalse(c.path("implicitFlowEnabled").asBoolean(false), id + " allows the implicit flow");
            assertFalse(id.startsWith("gems-cli"), id + " is a test client");
            if (c.has("secret")) {
                assertTrue(ENV_PLACEHOLDER.matcher(c.path("secret").asText()).matches(),
                        id + ": secret is not a ${VARIABLE} placeholder");
            }
            if (!c.path("publicClient").asBoolean(false) && !c.path("bearerOnly").asBoolean(false)) {
                assertTrue(c.has("secret"), id + " is confidential but gets no secret from the environment");
            }
        }
        String text = Files.readString(ROOT.resolve(Realms.PRODUCTION));
        for (String demoValue : List.of("gems-demo", "demo-secret", "localhost", "demo.gems.gov.vn")) {
            assertFalse(text.contains(demoValue), "production realm contains " + demoValue);
        }
    }

    @Test
    void everyPlaceholderHasADemoValue() throws IOException {
        Matcher m = ENV_PLACEHOLDER.matcher(Files.readString(ROOT.resolve(Realms.PRODUCTION)));
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertEquals(new TreeSet<>(Realms.DEMO_ENVIRONMENT.keySet()), used);
    }

    @Test
    void productionIsHardened() throws IOException {
        ObjectNode prod = production();
        assertTrue(prod.path("bruteForceProtected").asBoolean(), "brute-force detection off");
        assertTrue(prod.path("failureFactor").asInt(30) <= 10, "more than 10 failures before a lock-out");
        String policy = prod.path("passwordPolicy").asText();
        Matcher length = Pattern.compile("(?:^| )length\\((\\d+)\\)").matcher(policy);
        assertTrue(length.find() && Integer.parseInt(length.group(1)) >= 12, "password policy: " + policy);
        assertTrue(policy.contains("notUsername") && policy.contains("passwordHistory"), "password policy: " + policy);
        assertFalse(prod.path("registrationAllowed").asBoolean(true), "self-registration");
    }

    /** The browser flow makes admins use a one-time code: a conditional sub-flow on the realm role admin. */
    @Test
    void adminsMustUseAOneTimeCode() throws IOException {
        ObjectNode prod = production();
        Map<String, JsonNode> flows = new TreeMap<>();
        prod.path("authenticationFlows").forEach(f -> flows.put(f.path("alias").asText(), f));
        Map<String, JsonNode> configs = new TreeMap<>();
        prod.path("authenticatorConfig").forEach(c -> configs.put(c.path("alias").asText(), c.path("config")));
        for (String bound : List.of("browserFlow", "directGrantFlow", "registrationFlow")) {
            assertTrue(flows.containsKey(prod.path(bound).asText()), bound + " names no flow in the file");
        }
        // Every sub-flow and config named exists (Keycloak would import a dangling reference as a broken flow).
        flows.values().forEach(f -> f.path("authenticationExecutions").forEach(e -> {
            if (e.path("authenticatorFlow").asBoolean()) {
                assertTrue(flows.containsKey(e.path("flowAlias").asText()), "missing sub-flow " + e.path("flowAlias"));
            }
            if (e.has("authenticatorConfig")) {
                assertTrue(configs.containsKey(e.path("authenticatorConfig").asText()), "missing config " + e);
            }
        }));
        List<JsonNode> adminOtp = new ArrayList<>();
        collect(flows, flows.get(prod.path("browserFlow").asText()), adminOtp);
        JsonNode guard = adminOtp.stream().filter(f -> list(f.path("authenticationExecutions")).stream().anyMatch(e ->
                        "conditional-user-role".equals(e.path("authenticator").asText())
                                && "admin".equals(configs.get(e.path("authenticatorConfig").asText()).path("condUserRole").asText())
                                && !configs.get(e.path("authenticatorConfig").asText()).path("negate").asBoolean()))
                .findFirst().orElse(null);
        assertNotNull(guard, "no sub-flow of the browser flow is conditional on the role admin");
        assertTrue(list(guard.path("authenticationExecutions")).stream().anyMatch(e ->
                        "auth-otp-form".equals(e.path("authenticator").asText()) && "REQUIRED".equals(e.path("requirement").asText())),
                "the admin sub-flow does not require the OTP form");
    }

    private static void collect(Map<String, JsonNode> flows, JsonNode flow, List<JsonNode> into) {
        into.add(flow);
        flow.path("authenticationExecutions").forEach(e -> {
            if (e.path("authenticatorFlow").asBoolean() && !"DISABLED".equals(e.path("requirement").asText())) {
                collect(flows, flows.get(e.path("flowAlias").asText()), into);
            }
        });
    }

    @Test
    void demoAgreesWithProductionOnRolesClientsMappersAndAudience() throws IOException {
        ObjectNode prod = production();
        ObjectNode demo = demo();
        assertEquals(prod.path("roles"), demo.path("roles"), "realm roles differ");
        assertTrue(clientIds(demo).containsAll(clientIds(prod)), "demo lacks production clients");
        for (JsonNode c : prod.path("clients")) {
            String id = c.path("clientId").asText();
            JsonNode d = client(demo, id);
            assertEquals(c.path("protocolMappers"), d.path("protocolMappers"), id + ": protocol mappers differ");
            assertEquals(c.path("secret"), d.path("secret"), id + ": the demo must take the secret from the environment too");
            for (String field : List.of("publicClient", "bearerOnly", "serviceAccountsEnabled", "directAccessGrantsEnabled",
                    "standardFlowEnabled", "fullScopeAllowed", "defaultClientScopes", "optionalClientScopes")) {
                assertEquals(c.path(field), d.path(field), id + ": " + field + " differs");
            }
        }
        assertEquals(prod.path("clientScopes"), demo.path("clientScopes"), "client scopes differ");
        assertEquals(prod.path("components"), demo.path("components"), "user profile differs");
        assertEquals(prod.path("browserFlow"), demo.path("browserFlow"), "the demo logs in differently");
        // Service-account role mappings are the same.
        for (JsonNode u : prod.path("users")) {
            JsonNode same = list(demo.path("users")).stream().filter(x -> x.path("username").equals(u.path("username")))
                    .findFirst().orElse(null);
            assertEquals(u, same, "service account " + u.path("username") + " differs");
        }
        // Every client that issues tokens to the API puts gems-api in the audience, in both realms
        // (gems-cli-noaud exists to prove that tokens without it are refused).
        for (ObjectNode realm : List.of(prod, demo)) {
            for (JsonNode c : realm.path("clients")) {
                String id = c.path("clientId").asText();
                if (c.path("bearerOnly").asBoolean() || id.equals("gems-cli-noaud")) {
                    continue;
                }
                assertTrue(list(c.path("protocolMappers")).stream().anyMatch(m ->
                                "oidc-audience-mapper".equals(m.path("protocolMapper").asText())
                                        && "gems-api".equals(m.path("config").path("included.client.audience").asText())
                                        && "true".equals(m.path("config").path("access.token.claim").asText())),
                        realm.path("realm") + "/" + id + " has no gems-api audience");
            }
        }
    }

    @Test
    void theDemoAddsItsUsersAndTestClients() throws IOException {
        ObjectNode demo = demo();
        Set<String> added = new TreeSet<>(clientIds(demo));
        added.removeAll(clientIds(production()));
        assertEquals(Set.of("gems-cli", "gems-cli-short", "gems-cli-noaud"), added);
        List<JsonNode> people = list(demo.path("users")).stream().filter(u -> !u.has("serviceAccountClientId")).toList();
        // 13, plus the 2026 chain's ministry officer, Huế's Home Affairs officer and the invited Women's Union reporter
        assertEquals(16, people.size());
        assertTrue(people.stream().anyMatch(u -> u.path("username").asText().equals("moha.officer")
                && list(u.path("attributes").path("agency")).stream().anyMatch(a -> a.asText().equals("VN-MOHA"))));
        // the commune officer: a People's Committee's staff get tokens naming its agency like everyone else
        assertTrue(people.stream().anyMatch(u -> u.path("username").asText().equals("thuanhoa.officer")
                && list(u.path("attributes").path("agency")).stream().anyMatch(a -> a.asText().equals("PC-VN-46-THUANHOA"))));
        assertTrue(people.stream().anyMatch(u -> u.path("username").asText().equals("gems.admin")
                && list(u.path("realmRoles")).stream().anyMatch(r -> r.asText().equals("admin"))));
        // The overlay changes the portal's addresses, not its mappers or flows.
        JsonNode portal = client(demo, "portal");
        assertTrue(list(portal.path("redirectUris")).stream().anyMatch(r -> r.asText().equals("http://localhost:8080/*")));
        assertEquals("S256", portal.path("attributes").path("pkce.code.challenge.method").asText());
    }

    @Test
    void mergeMatchesElementsByIdentityAndReplacesTheRest() throws IOException {
        ObjectNode base = (ObjectNode) JSON.readTree("""
                {"a": 1, "list": ["x"], "obj": {"k": 1, "j": 2},
                 "clients": [{"clientId": "p", "secret": "s", "attributes": {"x": "1", "y": "2"}}]}""");
        ObjectNode overlay = (ObjectNode) JSON.readTree("""
                {"a": 2, "list": ["y"], "obj": {"k": 3},
                 "clients": [{"clientId": "p", "attributes": {"y": "3"}}, {"clientId": "q"}]}""");
        JsonNode merged = Realms.merge(base, overlay);
        assertEquals(JSON.readTree("""
                {"a": 2, "list": ["y"], "obj": {"k": 3, "j": 2},
                 "clients": [{"clientId": "p", "secret": "s", "attributes": {"x": "1", "y": "3"}}, {"clientId": "q"}]}"""), merged);
        assertEquals(1, base.path("a").asInt(), "the base is not changed");
    }

    @Test
    void writesTheDemoRealmForKeycloaksImportDirectory(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = Realms.writeDemo(ROOT, dir);
        assertEquals("gems-realm.json", file.getFileName().toString());
        assertEquals(demo(), JSON.readTree(file.toFile()));
    }
}
