package org.muster.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event bodies against the JSON Schemas with networknt json-schema-validator 3.x, with
 * format assertions on (uuid, date-time, email are checked, not just annotations).
 */
final class Schemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Schemas() {
    }

    /** The compiled schema of an event type, loaded from the classpath like a consumer would. */
    static Schema of(String type) {
        return CACHE.computeIfAbsent(type, t -> REGISTRY.getSchema(
                SchemaLocation.of("classpath:" + EventCatalog.byType(t).schemaResource().substring(1))));
    }

    /** The errors of {@code json} against the schema of {@code type}; empty when valid. */
    static List<Error> validate(String type, String json) {
        return of(type).validate(json, InputFormat.JSON);
    }

    /** The raw schema document of a type, for structural checks. */
    static JsonNode document(String type) {
        return read(EventCatalog.byType(type).schemaResource());
    }

    static JsonNode read(String resource) {
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return PLAIN.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
