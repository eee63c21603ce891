package vn.gems.indicators.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import vn.gems.indicators.DimensionSpec;

import java.util.ArrayList;
import java.util.List;

/** An indicator's declared dimensions, kept as a small JSON document in one column. */
@Converter
public class DimensionsConverter implements AttributeConverter<List<DimensionSpec>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<DimensionSpec>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<DimensionSpec> attribute) {
        try {
            return JSON.writeValueAsString(attribute == null ? List.of() : attribute);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dimensions not serialisable", e);
        }
    }

    @Override
    public List<DimensionSpec> convertToEntityAttribute(String dbData) {
        try {
            return dbData == null || dbData.isBlank() ? new ArrayList<>() : new ArrayList<>(JSON.readValue(dbData, TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dimensions unreadable", e);
        }
    }
}
