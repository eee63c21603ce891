package vn.gems.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/** JSON reading rule of every service: strings holding NUL characters are refused (PostgreSQL cannot store them). */
@Singleton
public class NoNulStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("gems-no-nul-strings").addDeserializer(String.class, new Deserializer()));
    }

    /** Reads strings like Jackson does, then refuses a NUL character with the field's path. */
    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null && s.indexOf('\u0000') >= 0) {
                throw JsonMappingException.from(p, "NUL characters are not allowed");
            }
            return s;
        }
    }
}
