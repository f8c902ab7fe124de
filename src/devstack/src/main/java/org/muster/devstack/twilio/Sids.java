package org.muster.devstack.twilio;

import java.util.UUID;

/** Twilio resource SIDs: a two-letter type prefix and 32 lowercase hex digits. */
final class Sids {

    private Sids() {
    }

    static String next(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
