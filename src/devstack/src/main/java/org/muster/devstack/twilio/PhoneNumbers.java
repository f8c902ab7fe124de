package org.muster.devstack.twilio;

import java.util.regex.Pattern;

/** Addresses as Twilio takes them: E.164 numbers, optionally behind a channel prefix such as {@code whatsapp:}. */
final class PhoneNumbers {

    static final String WHATSAPP = "whatsapp:";

    /** {@code +} and 8 to 15 digits, no leading zero. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** Alphanumeric sender IDs: up to 11 letters, digits and spaces, at least one letter. */
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");

    private PhoneNumbers() {
    }

    static boolean isWhatsApp(String address) {
        return address != null && address.startsWith(WHATSAPP);
    }

    /** "sms" or "whatsapp". */
    static String channel(String address) {
        return isWhatsApp(address) ? "whatsapp" : "sms";
    }

    /** The handset's number behind any channel prefix. */
    static String handset(String address) {
        return isWhatsApp(address) ? address.substring(WHATSAPP.length()) : address;
    }

    static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    static boolean isAlphanumericSender(String from) {
        return from != null && ALPHANUMERIC_SENDER.matcher(from).matches();
    }

    /**
     * A number typed into a URL or form, as a handset key: channel prefix dropped, and a {@code +} restored where a
     * query string decoded it into a space or it was left out.
     */
    static String normalize(String typed) {
        String number = handset(typed.trim());
        return number.matches("[0-9]+") ? "+" + number : number;
    }
}
