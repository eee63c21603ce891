package vn.gems.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import vn.gems.common.request.ControlCharacters;

import java.io.IOException;

/**
 * JSON reading rule of every service: a string holding a control character ({@link ControlCharacters#inText}) is
 * refused with its field's path (400 {@code INVALID_CHARACTER}).
 */
@Singleton
public class NoControlStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("gems-no-control-strings").addDeserializer(String.class, new Deserializer()));
    }

    /** Reads strings like Jackson does, then refuses control characters. */
    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null && ControlCharacters.inText(s)) {
                throw new ControlCharacterInJson(p);
            }
            return s;
        }
    }

    /** A string with a control character; the path to it is filled in as Jackson unwinds. */
    public static final class ControlCharacterInJson extends JsonMappingException {
        ControlCharacterInJson(JsonParser p) {
            super(p, "control characters are not allowed");
        }
    }
}
