package org.muster.registry.registration;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelfServiceTokensTest {

    private static final String KEY = "a-signing-key-of-enough-length";
    private static final Instant ISSUED = Instant.parse("2021-08-15T08:00:00Z");

    private final UUID national = UUID.randomUUID();

    @Test
    void a_token_names_its_holder_until_it_expires() {
        String token = tokens(ISSUED).issue(national);
        assertThat(tokens(ISSUED.plus(Duration.ofDays(29))).verify(token)).contains(national);
        assertThat(tokens(ISSUED.plus(Duration.ofDays(31))).verify(token)).isEmpty();
    }

    @Test
    void a_token_signed_with_another_key_or_altered_is_refused() {
        String token = tokens(ISSUED).issue(national);
        assertThat(new SelfServiceTokens("another-key-of-enough-length", Duration.ofDays(30),
                Clock.fixed(ISSUED, ZoneOffset.UTC)).verify(token)).isEmpty();
        String otherPerson = tokens(ISSUED).issue(UUID.randomUUID());
        String spliced = otherPerson.substring(0, otherPerson.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(tokens(ISSUED).verify(spliced)).isEmpty();
        assertThat(tokens(ISSUED).verify("not-a-token")).isEmpty();
        assertThat(tokens(ISSUED).verify(null)).isEmpty();
    }

    @Test
    void a_short_key_is_refused_at_start() {
        assertThatThrownBy(() -> new SelfServiceTokens("short", Duration.ofDays(1), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SelfServiceTokens tokens(Instant now) {
        return new SelfServiceTokens(KEY, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
    }
}
