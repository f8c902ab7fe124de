package org.muster.alerts.campaign;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.muster.contracts.EventJson;
import org.muster.contracts.common.Channel;
import org.muster.contracts.registry.NationalSnapshot.ContactPoint;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Contacts#parse} reads the projection's contact points as Jackson's data binding does, only faster. */
class ContactsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            // as the projection stores them (jsonb orders keys by length)
            "[{\"address\": \"+93700000001\", \"channel\": \"SMS\", \"optedOut\": false, \"verified\": true, \"preference\": 1}]",
            "[{\"channel\":\"EMAIL\",\"address\":\"zahra@example.af\",\"verified\":false,\"optedOut\":true,\"preference\":2},"
                    + "{\"channel\":\"WHATSAPP\",\"address\":\"+93700000002\",\"verified\":true,\"optedOut\":false,\"preference\":1}]",
            // fields a later snapshot may add are skipped, whatever their shape
            "[{\"channel\":\"VOICE\",\"label\":{\"fa\":\"خانه\",\"list\":[1,[2]]},\"address\":\"+93700000003\",\"optedOutAt\":\"2021-08-15T06:30:00Z\",\"preference\":3}]",
            // missing and null fields
            "[{\"channel\":\"SMS\"},{\"address\":null,\"channel\":null,\"preference\":null,\"verified\":null}]"
    })
    void reads_what_data_binding_reads(String json) throws Exception {
        List<ContactPoint> bound = EventJson.mapper().readValue(json, new TypeReference<List<ContactPoint>>() {
        });

        assertThat(Contacts.parse(json)).isEqualTo(bound);
        assertThat(Contacts.parse(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(bound);
    }

    @Test
    void the_most_preferred_address_not_opted_out_on_each_channel_of_the_plan() {
        List<ContactPoint> contacts = Contacts.parse("""
                [{"channel":"SMS","address":"+93700000001","optedOut":true,"preference":1},
                 {"channel":"SMS","address":"+93700000002","preference":3},
                 {"channel":"SMS","address":"+93700000003","preference":2},
                 {"channel":"EMAIL","address":"a@example.org","preference":1}]""");

        assertThat(Contacts.requests(contacts, List.of(Channel.VOICE, Channel.SMS, Channel.EMAIL))).containsExactly(
                new Contacts.Request(1, Channel.SMS, "+93700000003"),
                new Contacts.Request(2, Channel.EMAIL, "a@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[1]", "[{\"channel\":\"PIGEON\"}]", "[{\"channel\":\"SMS\""})
    void refuses_what_is_not_a_list_of_contact_points(String json) {
        assertThatThrownBy(() -> Contacts.parse(json)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Contacts.parse(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(RuntimeException.class);
    }
}
