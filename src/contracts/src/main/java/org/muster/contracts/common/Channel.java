package org.muster.contracts.common;

/** A way to reach a person. */
public enum Channel {
    /** Text message to an E.164 number. */
    SMS,
    /** WhatsApp message to an E.164 number. */
    WHATSAPP,
    /** Voice call (text to speech) to an E.164 number. */
    VOICE,
    /** E-mail. */
    EMAIL;

    /** Whether addresses on this channel are E.164 phone numbers (otherwise e-mail addresses). */
    public boolean usesPhoneNumber() {
        return this != EMAIL;
    }
}
