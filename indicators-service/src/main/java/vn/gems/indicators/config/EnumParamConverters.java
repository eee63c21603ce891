package vn.gems.indicators.config;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Typed query and header parameters of enum types: any case ({@code upsert}), and the enum's own
 * {@code static parse(String)} when it has one (aliases such as {@code F} for FINAL). A value that is none of them is
 * a {@link InvalidParameterException}, answered 400 with the parameter's name and the accepted values — not the 404
 * JAX-RS prescribes for a query parameter that does not convert.
 * <p>
 * Generic, so it lives in {@code config/}; it belongs in common/ once the problem mappers there take it.
 */
@Provider
public class EnumParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String name = nameOf(annotations);
        Method parse = parser(rawType);
        List<String> allowed = Arrays.stream(rawType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                Object found = null;
                if (parse != null) {
                    try {
                        found = parse.invoke(null, value);
                    } catch (ReflectiveOperationException e) {
                        found = null;
                    }
                } else {
                    String v = value.trim().toUpperCase(Locale.ROOT);
                    for (Object c : rawType.getEnumConstants()) {
                        if (((Enum) c).name().equals(v)) {
                            found = c;
                        }
                    }
                }
                if (found == null) {
                    throw new InvalidParameterException(name, allowed);
                }
                return (T) found;
            }

            @Override
            public String toString(T value) {
                return value == null ? null : ((Enum<?>) value).name();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof HeaderParam h) {
                    return h.value();
                }
            }
        }
        return "parameter";
    }

    private static Method parser(Class<?> type) {
        try {
            Method m = type.getMethod("parse", String.class);
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
