package org.muster.evacuation.flight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.muster.contracts.EventJson;

import java.util.Map;
import java.util.TreeMap;

/** Instructions per language as a JSON object in one column: always read and written whole. */
@Converter
public class InstructionsConverter implements AttributeConverter<Map<String, String>, String> {

    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, String> map) {
        try {
            return EventJson.mapper().writeValueAsString(map == null ? Map.of() : new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        try {
            return json == null ? new TreeMap<>() : EventJson.mapper().readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("instructions column is not JSON", e);
        }
    }
}
