package org.muster.platform.contact;

import java.util.Objects;

/** The outcome of normalising an email address: the normalised address, or a reason a person understands. */
public sealed interface EmailAddressResult permits EmailAddressResult.Accepted, EmailAddressResult.Rejected {

    boolean isAccepted();

    /** A trimmed, lower-case address of sensible syntax. */
    record Accepted(String address) implements EmailAddressResult {
        public Accepted {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public boolean isAccepted() {
            return true;
        }
    }

    record Rejected(String reason) implements EmailAddressResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }
    }
}
