package org.muster.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void the_current_span_is_written_as_a_w3c_traceparent_and_read_back() {
        assertThat(TraceParents.current()).as("no span").isNull();
        Span span = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()));
        try (Scope scope = span.makeCurrent()) {
            assertThat(TraceParents.current()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        }
        SpanContext parent = Span.fromContext(TraceParents.context("00-" + TRACE + "-" + SPAN + "-01")).getSpanContext();
        assertThat(parent.isValid()).isTrue();
        assertThat(parent.isRemote()).isTrue();
        assertThat(parent.getTraceId()).isEqualTo(TRACE);
        assertThat(parent.getSpanId()).isEqualTo(SPAN);
    }

    @Test
    void nothing_or_something_else_gives_a_trace_of_its_own() {
        assertThat(TraceParents.context(null)).isSameAs(Context.root());
        assertThat(Span.fromContext(TraceParents.context("not-a-trace-context")).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(TraceParents.context("00-" + "0".repeat(32) + "-" + SPAN + "-01"))
                .getSpanContext().isValid()).as("an all-zero trace id is invalid").isFalse();
    }
}
