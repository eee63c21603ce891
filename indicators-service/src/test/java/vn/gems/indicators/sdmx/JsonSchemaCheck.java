package vn.gems.indicators.sdmx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Validates a JSON document against a JSON schema (draft 4, as the SDMX-JSON 1.0 schema is written). */
final class JsonSchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSchemaCheck() {
    }

    static List<String> errors(Path schema, String document) throws IOException {
        ObjectNode s = (ObjectNode) JSON.readTree(Files.readString(schema));
        // "http://json-schema.org/schema#" (latest draft, whichever) is not a meta-schema the validator knows: draft 4 it is
        s.remove("$schema");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(s).validate(JSON.readTree(document)).stream()
                .map(Object::toString).toList();
    }
}
