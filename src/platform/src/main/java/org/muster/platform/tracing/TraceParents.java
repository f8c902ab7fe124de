package org.muster.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.List;

/**
 * W3C trace context ({@code traceparent}) kept with work that goes on later, elsewhere: a campaign
 * keeps its launch's, a delivery request carries its fan-out's on Kafka, a delivery keeps the
 * request's; so the spans of a message, from the officer's launch to the provider's HTTP call,
 * belong to one trace although a database row and a Kafka record lie between them.
 */
public final class TraceParents {

    /** The header (HTTP, Kafka) and field name of W3C trace context. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParents() {
    }

    /** The current span's trace context as a {@code traceparent} value; null when there is no valid span. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** A context whose parent is {@code traceParent}; the root context when it is null or not valid W3C. */
    public static Context context(String traceParent) {
        if (traceParent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, ONE_VALUE);
    }
}
