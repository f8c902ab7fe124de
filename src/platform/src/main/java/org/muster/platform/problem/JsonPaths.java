package org.muster.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.List;

/** Names a place in a JSON body, from the path Jackson reports when it cannot read it. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                pointer.append('/').append(ValidationProblems.escape(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            StringBuilder names = new StringBuilder("one of ");
            for (int i = 0; i < values.length; i++) {
                names.append(i == 0 ? "" : ", ").append(values[i]);
            }
            return names.toString();
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a date and time (RFC 3339)";
            case "UUID" -> "a UUID";
            case "int", "Integer", "long", "Long", "short", "Short" -> "a whole number";
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            default -> "the expected type";
        };
    }
}
