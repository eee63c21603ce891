package vn.gems.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code gems} realm in its two forms. {@code deploy/keycloak/gems-realm-production.json} is what operators
 * import (no users, no password-grant client, client secrets as {@code ${VARIABLE}} placeholders that
 * Keycloak resolves from its own environment when it imports at start). The demo realm is never written by hand: it is that file
 * with {@code gems-realm-demo-overlay.json} merged over it (demo users, the password-grant test clients, the
 * demo's password policy and portal addresses), so the two cannot drift apart.
 */
public final class Realms {

    public static final String PRODUCTION = "deploy/keycloak/gems-realm-production.json";
    public static final String DEMO_OVERLAY = "deploy/keycloak/gems-realm-demo-overlay.json";

    /**
     * The values the production realm's placeholders get in the demo and the tests: the documented demo secrets
     * (the services are given the same ones, see {@link SuiteConfig}) and the portal's address (which the demo
     * overlay widens). Production sets these variables on its Keycloak, the secrets from a secret store.
     */
    public static final Map<String, String> DEMO_ENVIRONMENT = Map.of(
            "GEMS_PORTAL_URL", "http://localhost:8080",
            "PLANS_CLIENT_SECRET", SuiteConfig.PLANS_CLIENT_SECRET,
            "REPORTING_CLIENT_SECRET", SuiteConfig.REPORTING_CLIENT_SECRET,
            "INDICATORS_CLIENT_SECRET", SuiteConfig.INDICATORS_CLIENT_SECRET,
            "STATISTICS_OFFICE_CLIENT_SECRET", "statistics-office-demo-secret",
            "NATIONAL_GENDER_DB_CLIENT_SECRET", "national-gender-db-demo-secret");

    /** Fields that identify an element of a realm's arrays (clients, users, flows, mappers, roles). */
    private static final List<String> IDENTITIES = List.of("clientId", "username", "alias", "name");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Realms() {
    }

    public static ObjectNode read(Path file) throws IOException {
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    /** The demo realm: production with the overlay merged over it. */
    public static ObjectNode demo(Path repoRoot) throws IOException {
        return merge(read(repoRoot.resolve(PRODUCTION)), read(repoRoot.resolve(DEMO_OVERLAY)));
    }

    /** Writes the demo realm as {@code dir/gems-realm.json} (the name Keycloak's import directory gets) and returns it. */
    public static Path writeDemo(Path repoRoot, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("gems-realm.json");
        JSON.writeValue(file.toFile(), demo(repoRoot));
        return file;
    }

    /**
     * Merges {@code overlay} over {@code base}: objects field by field; arrays of objects element by element,
     * matched on their identity ({@code clientId}, {@code username}, {@code alias} or {@code name}) so that an
     * overlay element with a known identity is merged into it and any other is appended; everything else
     * (scalars, arrays of strings) is replaced by the overlay's value.
     */
    public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
        ObjectNode out = base.deepCopy();
        for (Map.Entry<String, JsonNode> e : overlay.properties()) {
            JsonNode current = out.get(e.getKey());
            JsonNode added = e.getValue();
            if (current instanceof ObjectNode c && added instanceof ObjectNode a) {
                out.set(e.getKey(), merge(c, a));
            } else if (current instanceof ArrayNode c && added instanceof ArrayNode a && identified(a)) {
                out.set(e.getKey(), mergeElements(c, a));
            } else {
                out.set(e.getKey(), added.deepCopy());
            }
        }
        return out;
    }

    private static ArrayNode mergeElements(ArrayNode base, ArrayNode overlay) {
        ArrayNode out = base.deepCopy();
        for (JsonNode element : overlay) {
            String idField = identity(element);
            int match = -1;
            for (int i = 0; i < out.size(); i++) {
                if (element.get(idField).equals(out.get(i).get(idField))) {
                    match = i;
                }
            }
            if (match < 0) {
                out.add(element.deepCopy());
            } else {
                out.set(match, merge((ObjectNode) out.get(match), (ObjectNode) element));
            }
        }
        return out;
    }

    private static boolean identified(ArrayNode array) {
        for (JsonNode element : array) {
            if (!element.isObject() || identity(element) == null) {
                return false;
            }
        }
        return !array.isEmpty();
    }

    private static String identity(JsonNode element) {
        return IDENTITIES.stream().filter(f -> element.path(f).isTextual()).findFirst().orElse(null);
    }
}
