package org.muster.evacuation.audience;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.muster.contracts.EventJson;
import org.muster.contracts.registry.NationalSnapshot;

import java.util.List;

/** Contact points as the JSON registry sent them, in one column: they are only ever read whole. */
@Converter
public class ContactPointsConverter implements AttributeConverter<List<NationalSnapshot.ContactPoint>, String> {

    private static final TypeReference<List<NationalSnapshot.ContactPoint>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<NationalSnapshot.ContactPoint> points) {
        try {
            return EventJson.mapper().writeValueAsString(points == null ? List.of() : points);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<NationalSnapshot.ContactPoint> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : EventJson.mapper().readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contact points column is not JSON", e);
        }
    }
}
