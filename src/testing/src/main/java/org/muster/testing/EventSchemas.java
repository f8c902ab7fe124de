package org.muster.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.muster.contracts.EventCatalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an event a service really published against the JSON Schema of its type in contracts,
 * with format assertions on (uuid, date-time and email are checked, not only noted).
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema errors of {@code json} as an event of {@code type}; empty when it is valid. */
    public static List<String> errors(String type, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(type, t -> REGISTRY.getSchema(
                SchemaLocation.of("classpath:" + EventCatalog.byType(t).schemaResource().substring(1))));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
