package vn.gems.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Declares as nullable every property a schema does not list as required. The services answer with Jackson's
 * default inclusion, so a record component with no value is sent as {@code null}, never left out; a field
 * that is not required is therefore one that can be {@code null}, and a generated client or a schema
 * validator must accept that (before this, 91 of the documents' own examples failed their schemas).
 * The documents are OpenAPI 3.1 (SmallRye 4), so {@code null} is added to the property's {@code type}
 * (and to its {@code enum}); a property that is a {@code $ref} becomes {@code anyOf: [$ref, {type: null}]}.
 * Required properties ({@code @NotNull}, {@code @Schema(required = true)}) stay non-nullable.
 */
final class Nullability {

    private Nullability() {
    }

    static void apply(OpenAPI openApi) {
        Set<Schema> done = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(s -> visit(s, done));
        }
        Operations.forEach(openApi, (path, method, op) -> {
            if (op.getRequestBody() != null) {
                content(op.getRequestBody().getContent(), done);
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent(), done));
            }
        });
    }

    private static void content(Content content, Set<Schema> done) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType m : content.getMediaTypes().values()) {
            visit(m.getSchema(), done);
        }
    }

    private static void visit(Schema schema, Set<Schema> done) {
        if (schema == null || !done.add(schema)) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> p : List.copyOf(properties.entrySet())) {
                visit(p.getValue(), done);
                if (!required.contains(p.getKey())) {
                    Schema n = nullable(p.getValue());
                    if (n != p.getValue()) {
                        schema.addProperty(p.getKey(), n); // the model's map is read-only; keeps the order
                    }
                }
            }
        }
        visit(schema.getItems(), done);
        if (schema.getAdditionalPropertiesSchema() != null) {
            visit(schema.getAdditionalPropertiesSchema(), done);
        }
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> visit(s, done));
            }
        }
    }

    /** The same schema, also accepting {@code null}. */
    static Schema nullable(Schema s) {
        if (s.getRef() != null) {
            return OASFactory.createSchema().addAnyOf(s).addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        List<Schema.SchemaType> types = s.getType();
        if (types == null || types.isEmpty() || types.contains(Schema.SchemaType.NULL)) {
            return s; // no type (anything goes, null included) or already nullable
        }
        s.addType(Schema.SchemaType.NULL);
        if (s.getEnumeration() != null && !s.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(s.getEnumeration()); // addEnumeration ignores null
            values.add(null);
            s.setEnumeration(values);
        }
        return s;
    }
}
