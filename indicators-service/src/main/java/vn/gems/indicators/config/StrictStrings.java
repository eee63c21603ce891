package vn.gems.indicators.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * JSON strings with control characters (NUL and the like; tabs and line breaks are fine) are refused as
 * malformed input: PostgreSQL cannot store NUL, and no name, code or reference needs the others.
 */
@Singleton
public class StrictStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("gems-strict-strings").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String s = super.deserialize(p, ctxt);
                if (s != null && hasControl(s)) {
                    return (String) ctxt.handleWeirdStringValue(String.class, s, "control characters are not allowed");
                }
                return s;
            }
        }));
    }

    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
