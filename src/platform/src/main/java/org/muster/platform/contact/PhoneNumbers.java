package org.muster.platform.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;
import java.util.Optional;

/**
 * Phone numbers as people type them, normalised to E.164 with libphonenumber.
 *
 * <p>The default region is the ISO 3166-1 alpha-2 country the person is in: a number typed without a
 * country code is read as a number of that country. Numbers written with {@code +} or the {@code 00}
 * international prefix are read as they are, whatever the region. Only numbers libphonenumber considers
 * valid are accepted.
 */
public final class PhoneNumbers {

    /** Twilio's address prefix for WhatsApp ({@code whatsapp:+93700123456}). */
    public static final String WHATSAPP_PREFIX = "whatsapp:";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * Normalises {@code raw} to E.164.
     *
     * @param raw           what the person typed; a {@code whatsapp:} prefix is ignored
     * @param defaultRegion the ISO 3166-1 alpha-2 country the person is in; may be null, then only numbers with
     *                      a country code are accepted
     */
    public static PhoneNumberResult normalise(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return new PhoneNumberResult.Rejected("no phone number given");
        }
        String input = stripWhatsapp(raw).strip();
        if (input.isEmpty()) {
            return new PhoneNumberResult.Rejected("no phone number given");
        }
        String region = region(defaultRegion);
        PhoneNumberResult first = parse(input, region);
        if (!first.isAccepted() && input.startsWith("00")) {
            // "00" is the international prefix almost everywhere, even where the region's own differs (e.g. US 011).
            PhoneNumberResult international = parse("+" + input.substring(2), region);
            if (international.isAccepted()) {
                return international;
            }
        }
        return first;
    }

    /** The E.164 form of {@code raw}, if it is a valid number. */
    public static Optional<String> toE164(String raw, String defaultRegion) {
        return normalise(raw, defaultRegion) instanceof PhoneNumberResult.Accepted a
                ? Optional.of(a.e164())
                : Optional.empty();
    }

    /** Whether {@code raw} is a valid number that is, or may be, a mobile (what SMS and WhatsApp need). */
    public static boolean isLikelyMobile(String raw, String defaultRegion) {
        return normalise(raw, defaultRegion) instanceof PhoneNumberResult.Accepted a && a.isLikelyMobile();
    }

    /** Whether an E.164 number (or a {@code whatsapp:} address) is, or may be, a mobile. */
    public static boolean isLikelyMobile(String e164) {
        return isLikelyMobile(e164, null);
    }

    /** Whether the address carries the {@code whatsapp:} prefix (case-insensitive). */
    public static boolean isWhatsapp(String address) {
        return address != null && address.strip().regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length());
    }

    /** {@code whatsapp:+93700123456} becomes {@code +93700123456}; anything else is returned trimmed. */
    public static String stripWhatsapp(String address) {
        if (address == null) {
            return null;
        }
        String trimmed = address.strip();
        return isWhatsapp(trimmed) ? trimmed.substring(WHATSAPP_PREFIX.length()).strip() : trimmed;
    }

    /** {@code +93700123456} becomes {@code whatsapp:+93700123456}; an address already prefixed is kept as it is. */
    public static String toWhatsapp(String e164) {
        if (e164 == null || e164.isBlank()) {
            throw new IllegalArgumentException("no number to address on WhatsApp");
        }
        return WHATSAPP_PREFIX + stripWhatsapp(e164);
    }

    private static String region(String defaultRegion) {
        if (defaultRegion == null || defaultRegion.isBlank()) {
            return null;
        }
        String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
        return UTIL.getSupportedRegions().contains(region) ? region : null;
    }

    private static PhoneNumberResult parse(String input, String region) {
        PhoneNumber number;
        try {
            number = UTIL.parse(input, region);
        } catch (NumberParseException e) {
            return new PhoneNumberResult.Rejected(reason(e.getErrorType(), region));
        }
        if (number.hasExtension()) {
            return new PhoneNumberResult.Rejected("extensions cannot be dialled, give a direct number");
        }
        String numberRegion = regionOf(number);
        ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
        switch (possible) {
            case TOO_SHORT:
                return new PhoneNumberResult.Rejected("too short");
            case TOO_LONG:
                return new PhoneNumberResult.Rejected("too long");
            case INVALID_COUNTRY_CODE:
                return new PhoneNumberResult.Rejected("unknown country code");
            case INVALID_LENGTH:
                return new PhoneNumberResult.Rejected("wrong number of digits for " + numberRegion);
            default:
                break;
        }
        if (!UTIL.isValidNumber(number)) {
            return new PhoneNumberResult.Rejected("not a valid number for " + numberRegion);
        }
        return new PhoneNumberResult.Accepted(
                UTIL.format(number, PhoneNumberFormat.E164), LineType.of(UTIL.getNumberType(number)));
    }

    private static String regionOf(PhoneNumber number) {
        String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        return PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region) || "ZZ".equals(region)
                ? "+" + number.getCountryCode()
                : region;
    }

    private static String reason(NumberParseException.ErrorType type, String region) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> region == null
                    ? "add the country code, starting with +"
                    : "unknown country code";
            case NOT_A_NUMBER -> "not a phone number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }
}
