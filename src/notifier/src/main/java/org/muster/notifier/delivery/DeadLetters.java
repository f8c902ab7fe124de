package org.muster.notifier.delivery;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Requests that can never be sent, to {@code muster.delivery.requests.dlq}, one record at a time: in batch mode
 * the connector's own dead-letter strategy would send the whole poll there. Same record (key, value, headers)
 * and the same {@code dead-letter-*} headers as the connector adds, so the topic reads as before.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    @Channel("delivery-requests-dead-letters")
    MutinyEmitter<Record<String, String>> emitter;

    /** A record and why it was refused. */
    public record Refused(ConsumerRecord<String, String> record, Throwable reason) {
    }

    /** Sends them and waits until Kafka has them all: the poll must not be acknowledged before. */
    public void send(List<Refused> refused) {
        if (refused.isEmpty()) {
            return;
        }
        List<Uni<Void>> sent = refused.stream().map(this::send).toList();
        Uni.join().all(sent).andFailFast().await().indefinitely();
    }

    private Uni<Void> send(Refused refused) {
        ConsumerRecord<String, String> record = refused.record();
        LOG.warnf("delivery request at %s/%d@%d to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), refused.reason().getMessage());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, "dead-letter-reason", String.valueOf(refused.reason().getMessage()));
        header(headers, "dead-letter-exception-class-name", refused.reason().getClass().getName());
        if (refused.reason().getCause() != null) {
            header(headers, "dead-letter-cause", String.valueOf(refused.reason().getCause().getMessage()));
            header(headers, "dead-letter-cause-class-name", refused.reason().getCause().getClass().getName());
        }
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", String.valueOf(record.partition()));
        header(headers, "dead-letter-offset", String.valueOf(record.offset()));
        return emitter.sendMessage(Message.of(Record.of(record.key(), record.value()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers).build()));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
