package vn.gems.common.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A provider's side of a service-to-service contract (the records of {@code gems-contracts}): what the provider
 * answers reads into the caller's record field for field, and every field the record names is declared in the
 * provider's OpenAPI document with a compatible type (an enum: no value the caller does not know). Renaming or
 * retyping a field a caller reads fails the provider's own tests.
 */
public final class ContractCheck {

    /** Reads numbers exactly (as the REST clients do) and writes dates as ISO text. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ContractCheck() {
    }

    /**
     * Reads {@code answer} (the provider's JSON) as {@code type} and asserts that the record, written back, says what the
     * answer said for every field the record names (a field the answer lacks may only come back empty).
     */
    public static <T> T assertReads(String answer, Class<T> type) {
        try {
            JsonNode original = JSON.readTree(answer);
            T read = JSON.readValue(answer, type);
            List<String> differences = new ArrayList<>();
            compare("$", JSON.valueToTree(read), original, differences);
            assertTrue(differences.isEmpty(), type.getSimpleName() + " does not read the provider's answer as sent: " + differences);
            return read;
        } catch (JsonProcessingException e) {
            return fail(type.getSimpleName() + " cannot read the provider's answer: " + e.getOriginalMessage());
        }
    }

    /** {@link #assertReads} for every example the provider's OpenAPI document gives of {@code schemaName}. */
    public static int assertExamplesRead(JsonNode openapi, String schemaName, Class<?> type) {
        JsonNode schema = schema(openapi, schemaName);
        List<JsonNode> examples = new ArrayList<>();
        if (schema.has("example")) {
            examples.add(schema.get("example"));
        }
        schema.path("examples").forEach(examples::add);
        assertTrue(!examples.isEmpty(), "the OpenAPI schema " + schemaName + " gives no example to read");
        examples.forEach(e -> assertReads(e.isTextual() ? e.asText() : e.toString(), type));
        return examples.size();
    }

    /**
     * Asserts that every component of {@code type} (and of the records it holds) is a property of the OpenAPI schema
     * {@code schemaName} with a compatible type.
     */
    public static void assertDeclared(JsonNode openapi, String schemaName, Class<?> type) {
        List<String> problems = new ArrayList<>();
        declared(openapi, schema(openapi, schemaName), type, schemaName, problems);
        assertTrue(problems.isEmpty(), "the provider's OpenAPI does not declare what " + type.getSimpleName() + " reads: " + problems);
    }

    private static void declared(JsonNode openapi, JsonNode schema, Class<?> type, String where, List<String> problems) {
        Map<String, JsonNode> properties = properties(openapi, schema);
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode p = properties.get(c.getName());
            if (p == null) {
                problems.add(where + "." + c.getName() + " is not declared");
                continue;
            }
            check(openapi, resolve(openapi, p), c.getGenericType(), where + "." + c.getName(), problems);
        }
    }

    private static void check(JsonNode openapi, JsonNode p, Type type, String where, List<String> problems) {
        Class<?> raw = raw(type);
        String declared = typeOf(openapi, p);
        if (raw.isRecord()) {
            expect(declared, "object", where, problems);
            declared(openapi, p, raw, where, problems);
        } else if (Collection.class.isAssignableFrom(raw)) {
            expect(declared, "array", where, problems);
            check(openapi, resolve(openapi, p.path("items")), argument(type, 0), where + "[]", problems);
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(declared, "object", where, problems);
            JsonNode values = p.path("additionalProperties");
            if (values.isObject()) {
                check(openapi, resolve(openapi, values), argument(type, 1), where + "{}", problems);
            }
        } else if (raw.isEnum()) {
            Set<String> known = new TreeSet<>();
            for (Object constant : raw.getEnumConstants()) {
                known.add(((Enum<?>) constant).name());
            }
            for (JsonNode v : p.path("enum")) {
                if (!v.isNull() && !known.contains(v.asText())) {
                    problems.add(where + " may be " + v.asText() + ", which " + raw.getSimpleName() + " does not know");
                }
            }
        } else if (raw == String.class) {
            expect(declared, "string", where, problems);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(declared, "boolean", where, problems);
        } else if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            if (declared != null && !declared.equals("integer") && !declared.equals("number")) {
                problems.add(where + " is declared " + declared + ", read as a number");
            }
        } else if (raw.getName().startsWith("java.time.")) {
            expect(declared, "string", where, problems);
        }
    }

    private static void expect(String declared, String wanted, String where, List<String> problems) {
        if (declared != null && !declared.equals(wanted)) {
            problems.add(where + " is declared " + declared + ", read as " + wanted);
        }
    }

    /** The schema's type; OpenAPI 3.1 may list it with "null". */
    private static String typeOf(JsonNode openapi, JsonNode p) {
        JsonNode t = p.get("type");
        if (t == null) {
            return p.has("properties") || p.has("allOf") ? "object" : null;
        }
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
            return null;
        }
        return t.asText();
    }

    private static Map<String, JsonNode> properties(JsonNode openapi, JsonNode schema) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        JsonNode s = resolve(openapi, schema);
        for (JsonNode part : s.path("allOf")) {
            all.putAll(properties(openapi, part));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = s.path("properties").fields();
        fields.forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    private static JsonNode schema(JsonNode openapi, String name) {
        JsonNode s = openapi.path("components").path("schemas").path(name);
        if (s.isMissingNode()) {
            fail("the provider's OpenAPI has no schema " + name);
        }
        return s;
    }

    /** Follows {@code $ref} (and a lone {@code allOf}/{@code anyOf} wrapping one, as nullable references are written). */
    private static JsonNode resolve(JsonNode openapi, JsonNode s) {
        JsonNode current = s;
        for (int i = 0; i < 10; i++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = schema(openapi, ref.substring(ref.lastIndexOf('/') + 1));
            } else if (!current.has("properties") && !current.has("type")) {
                JsonNode only = single(current.path("allOf"), current.path("anyOf"), current.path("oneOf"));
                if (only == null) {
                    return current;
                }
                current = only;
            } else {
                return current;
            }
        }
        return current;
    }

    private static JsonNode single(JsonNode... lists) {
        for (JsonNode list : lists) {
            List<JsonNode> parts = new ArrayList<>();
            list.forEach(p -> {
                if (!"null".equals(p.path("type").asText())) {
                    parts.add(p);
                }
            });
            if (parts.size() == 1) {
                return parts.get(0);
            }
        }
        return null;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type t, int index) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** Differences between what the record wrote back ({@code read}) and what the provider sent. */
    private static void compare(String path, JsonNode read, JsonNode sent, List<String> differences) {
        boolean sentNothing = sent == null || sent.isNull() || sent.isMissingNode();
        if (sentNothing) {
            if (!(read.isNull() || (read.isContainerNode() && read.isEmpty()) || (read.isBoolean() && !read.asBoolean())
                    || (read.isNumber() && read.asDouble() == 0))) {
                differences.add(path + ": not sent, read as " + read);
            }
            return;
        }
        if (read.isObject()) {
            read.fields().forEachRemaining(e -> compare(path + "." + e.getKey(), e.getValue(), sent.get(e.getKey()), differences));
        } else if (read.isArray()) {
            if (!sent.isArray() || sent.size() != read.size()) {
                differences.add(path + ": sent " + sent + ", read as " + read);
                return;
            }
            for (int i = 0; i < read.size(); i++) {
                compare(path + "[" + i + "]", read.get(i), sent.get(i), differences);
            }
        } else if (read.isNumber() && sent.isNumber()) {
            if (read.decimalValue().compareTo(sent.decimalValue()) != 0) {
                differences.add(path + ": sent " + sent + ", read as " + read);
            }
        } else if (!read.asText().equals(sent.asText()) && !sameInstant(read.asText(), sent.asText())) {
            differences.add(path + ": sent " + sent + ", read as " + read);
        }
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
