package vn.gems.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services publish OpenAPI 3.1, where a nullable field is {@code type: [string, "null"]} and a nullable
 * reference {@code anyOf: [{$ref}, {type: "null"}]}. swagger-request-validator reads neither (it would skip the
 * field's type, and everything inside the reference, undeclared fields included), but it checks 3.0's
 * {@code nullable: true} exactly. So the schema check of the end-to-end tests reads a copy of each document in
 * 3.0 terms: the type without {@code "null"} plus {@code nullable: true}, and a nullable reference as a copy of the
 * referenced schema marked nullable. Nothing is loosened: the fields, types and enums are the published ones.
 */
final class NullableAs30 {

    private static final int MAX_DEPTH = 12;

    private NullableAs30() {
    }

    static JsonNode convert(JsonNode document) {
        ObjectNode doc = document.deepCopy();
        doc.put("openapi", "3.0.3");
        JsonNode schemas = doc.path("components").path("schemas");
        walk(doc, schemas, 0);
        return doc;
    }

    private static void walk(JsonNode node, JsonNode schemas, int depth) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = replacement(array.get(i), schemas, depth);
                if (replaced != null) {
                    array.set(i, replaced);
                }
                walk(array.get(i), schemas, depth);
            }
        } else if (node instanceof ObjectNode object) {
            nullableType(object);
            if ("array".equals(object.path("type").asText()) && !object.has("items")) {
                object.putObject("items"); // 3.1 lets an array leave its items out (any), 3.0 does not
            }
            if (object.get("examples") instanceof ArrayNode) {
                object.remove("examples"); // a 3.1 schema's examples; 3.0 has one "example" (a media type's "examples" is an object)
            }
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> f : fields) {
                if (f.getKey().equals("example") || f.getKey().equals("examples")) {
                    continue; // data, not schema
                }
                JsonNode replaced = replacement(f.getValue(), schemas, depth);
                if (replaced != null) {
                    object.set(f.getKey(), replaced);
                    walk(replaced, schemas, depth + 1);
                } else {
                    walk(f.getValue(), schemas, depth);
                }
            }
        }
    }

    /** {@code type: [X, "null"]} → {@code type: X, nullable: true}. */
    private static void nullableType(ObjectNode schema) {
        if (schema.get("type") instanceof ArrayNode types) {
            List<String> others = new ArrayList<>();
            boolean nullable = false;
            for (JsonNode t : types) {
                if (t.asText().equals("null")) {
                    nullable = true;
                } else {
                    others.add(t.asText());
                }
            }
            if (others.size() == 1) {
                schema.put("type", others.getFirst());
            } else {
                schema.remove("type");
            }
            if (nullable) {
                schema.put("nullable", true);
            }
        }
    }

    /** {@code anyOf: [{$ref: R}, {type: "null"}]} → a copy of R with {@code nullable: true}; null otherwise. */
    private static JsonNode replacement(JsonNode node, JsonNode schemas, int depth) {
        if (!(node instanceof ObjectNode o) || !(o.get("anyOf") instanceof ArrayNode any) || any.size() != 2
                || !any.get(1).path("type").asText().equals("null") || !any.get(0).has("$ref")) {
            return null;
        }
        String ref = any.get(0).get("$ref").asText();
        JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        if (!(target instanceof ObjectNode) || depth > MAX_DEPTH) {
            return null;
        }
        ObjectNode copy = target.deepCopy();
        copy.put("nullable", true);
        if (copy.get("enum") instanceof ArrayNode values) {
            boolean hasNull = false;
            for (JsonNode v : values) {
                hasNull |= v.isNull();
            }
            if (!hasNull) {
                values.addNull();
            }
        }
        return copy;
    }
}
