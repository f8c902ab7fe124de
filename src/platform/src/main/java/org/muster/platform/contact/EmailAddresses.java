package org.muster.platform.contact;

import java.util.Locale;
import java.util.Optional;

/**
 * Email addresses as people type them: trimmed, lower-cased and checked for a sensible syntax.
 *
 * <p>Deliberately stricter than RFC 5322 (no quoted local parts, no IP literals, no comments) and it does not
 * look the domain up: an address that passes may still not exist.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String LOCAL_PART_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

    private EmailAddresses() {
    }

    public static EmailAddressResult normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return rejected("no email address given");
        }
        String address = raw.strip().toLowerCase(Locale.ROOT);
        if (address.length() > MAX_LENGTH) {
            return rejected("too long (at most " + MAX_LENGTH + " characters)");
        }
        if (address.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return rejected("must not contain spaces");
        }
        if (address.codePoints().anyMatch(Character::isISOControl)) {
            return rejected("contains characters that cannot be in an email address");
        }
        int at = address.indexOf('@');
        if (at < 0) {
            return rejected("missing the @");
        }
        if (address.indexOf('@', at + 1) >= 0) {
            return rejected("must contain exactly one @");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty()) {
            return rejected("missing the name before the @");
        }
        if (local.length() > MAX_LOCAL_PART_LENGTH) {
            return rejected("the name before the @ is too long (at most " + MAX_LOCAL_PART_LENGTH + " characters)");
        }
        if (!validLocalPart(local)) {
            return rejected("the name before the @ is not valid");
        }
        if (domain.isEmpty()) {
            return rejected("missing the domain after the @");
        }
        if (domain.indexOf('.') < 0) {
            return rejected("the domain after the @ must contain a dot, e.g. example.org");
        }
        if (!validDomain(domain)) {
            return rejected("the domain after the @ is not valid");
        }
        return new EmailAddressResult.Accepted(address);
    }

    /** The normalised address, if it is acceptable. */
    public static Optional<String> toNormalised(String raw) {
        return normalise(raw) instanceof EmailAddressResult.Accepted a ? Optional.of(a.address()) : Optional.empty();
    }

    public static boolean isValid(String raw) {
        return normalise(raw).isAccepted();
    }

    private static boolean validLocalPart(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.codePoints().allMatch(c ->
                c == '.' || Character.isLetterOrDigit(c) || LOCAL_PART_SYMBOLS.indexOf(c) >= 0);
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH
                    || label.startsWith("-") || label.endsWith("-")
                    || !label.codePoints().allMatch(c -> c == '-' || Character.isLetterOrDigit(c))) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        return tld.length() >= 2 && (tld.startsWith("xn--") || tld.codePoints().allMatch(Character::isLetter));
    }

    private static EmailAddressResult rejected(String reason) {
        return new EmailAddressResult.Rejected(reason);
    }
}
