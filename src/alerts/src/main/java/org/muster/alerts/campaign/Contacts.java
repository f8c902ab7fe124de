package org.muster.alerts.campaign;

import com.fasterxml.jackson.core.type.TypeReference;
import org.muster.contracts.EventJson;
import org.muster.contracts.common.Channel;
import org.muster.contracts.registry.NationalSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A person's contact points as the projection holds them: which one to use on a channel. */
final class Contacts {

    private static final TypeReference<List<NationalSnapshot.ContactPoint>> LIST = new TypeReference<>() {
    };

    private Contacts() {
    }

    static List<NationalSnapshot.ContactPoint> parse(String json) {
        try {
            return EventJson.mapper().readValue(json, LIST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request a person gets: the channel's index in the plan, the channel, the address to use. */
    record Request(int step, Channel channel, String address) {
    }

    /**
     * The requests the fan-out makes for a person: one per channel of the plan where they have an
     * address, in the plan's order. Progress uses the same rule to know what a recipient was sent.
     */
    static List<Request> requests(List<NationalSnapshot.ContactPoint> contacts, List<Channel> plan) {
        List<Request> requests = new ArrayList<>(plan.size());
        for (int step = 0; step < plan.size(); step++) {
            Channel channel = plan.get(step);
            Optional<String> address = addressOn(contacts, channel);
            if (address.isPresent()) {
                requests.add(new Request(step, channel, address.get()));
            }
        }
        return requests;
    }

    /** The address to use on {@code channel}: the most preferred one not opted out; empty when there is none. */
    static Optional<String> addressOn(List<NationalSnapshot.ContactPoint> contacts, Channel channel) {
        return contacts.stream().filter(c -> c.channel() == channel && !c.optedOut())
                .min(Comparator.comparingInt(NationalSnapshot.ContactPoint::preference))
                .map(NationalSnapshot.ContactPoint::address);
    }
}
