package org.muster.alerts.campaign;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    private static final JsonFactory JSON = EventJson.mapper().getFactory();

    private Contacts() {
    }

    /**
     * The contact points of the projection's JSON ({@link NationalSnapshot.ContactPoint} as the
     * event mapper writes them), read token by token: the fan-out reads them for every recipient,
     * and binding them to the records took a sixth of the thread that prepares its batches. Reads
     * what data binding reads: unknown fields skipped, missing ones null, false or 0.
     */
    static List<NationalSnapshot.ContactPoint> parse(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            return parse(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #parse(String)}, from UTF-8 as the database sends it (the fan-out's way: no String decoded first). */
    static List<NationalSnapshot.ContactPoint> parse(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            return parse(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<NationalSnapshot.ContactPoint> parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("contact points are not a JSON array");
        }
        List<NationalSnapshot.ContactPoint> contacts = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Channel channel = null;
            String address = null;
            boolean verified = false;
            boolean optedOut = false;
            int preference = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                boolean isNull = value == JsonToken.VALUE_NULL;
                switch (field) {
                    case "channel" -> channel = isNull ? null : Channel.valueOf(p.getText());
                    case "address" -> address = isNull ? null : p.getText();
                    case "verified" -> verified = value == JsonToken.VALUE_TRUE;
                    case "optedOut" -> optedOut = value == JsonToken.VALUE_TRUE;
                    case "preference" -> preference = isNull ? 0 : p.getIntValue();
                    default -> p.skipChildren();
                }
            }
            contacts.add(new NationalSnapshot.ContactPoint(channel, address, verified, optedOut, preference));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new IllegalArgumentException("contact points hold something other than objects");
        }
        return contacts;
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
