package org.muster.platform.contact;

import java.util.Objects;

/** The outcome of normalising a phone number: an E.164 number with its line type, or a reason a person understands. */
public sealed interface PhoneNumberResult permits PhoneNumberResult.Accepted, PhoneNumberResult.Rejected {

    boolean isAccepted();

    /** A valid number in E.164 form (e.g. {@code +93700123456}). */
    record Accepted(String e164, LineType type) implements PhoneNumberResult {
        public Accepted {
            Objects.requireNonNull(e164, "e164");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public boolean isAccepted() {
            return true;
        }

        public boolean isLikelyMobile() {
            return type.isLikelyMobile();
        }
    }

    /** Not usable, and why (e.g. "too short", "not a valid number for AF"). */
    record Rejected(String reason) implements PhoneNumberResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }
    }
}
