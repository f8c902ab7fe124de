package org.muster.devstack.twilio;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.devstack.twilio.SandboxAccounts.SENDER;

/**
 * One API call on a kept-alive connection is answered without waiting for a delayed ACK: with Nagle's algorithm on
 * the server's sockets, the body of every response waited about 40 ms for the client's ACK of its headers, which
 * capped the sandbox at about 400 messages per second.
 */
class TwilioSandboxLatencyTest {

    private static final int CALLS = 60;

    private TwilioSandbox sandbox;
    private TwilioRestClient client;

    @BeforeEach
    void start() {
        sandbox = new TwilioSandbox(SandboxAccounts.config().build()).start();
        client = SandboxAccounts.client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void a_call_does_not_wait_for_a_delayed_ack() {
        assertThat(System.getProperty(TwilioSandbox.NO_DELAY_PROPERTY)).isEqualTo("true");
        // Warm up class loading and the connection.
        for (int i = 0; i < 10; i++) {
            send(i);
        }
        long[] millis = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            send(100 + i);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        long median = millis[CALLS / 2];
        // With the delayed ACK every call took 40 ms or more; even on a loaded machine most take a few ms.
        assertThat(median).as("median ms of " + Arrays.toString(millis)).isLessThan(30);
    }

    private void send(int i) {
        Message.creator(new PhoneNumber("+9370055" + String.format("%04d", i)), new PhoneNumber(SENDER), "latency")
                .create(client);
    }
}
