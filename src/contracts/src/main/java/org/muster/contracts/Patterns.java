package org.muster.contracts;

import java.util.List;

/**
 * Regular expressions for the standard codes used in events. The JSON Schemas use exactly these
 * strings (a test checks it), and services can use them in {@code @Pattern} constraints so that
 * what the API accepts is what the events allow.
 */
public final class Patterns {

    /** ISO 3166-1 alpha-2 country code, upper case: {@code AF}, {@code FR}. */
    public static final String COUNTRY = "^[A-Z]{2}$";

    /** ISO 3166-2 subdivision code: country, hyphen, 1 to 3 letters or digits: {@code AF-KAB}. */
    public static final String REGION = "^[A-Z]{2}-[A-Z0-9]{1,3}$";

    /**
     * BCP 47 language tag in canonical case, language with optional script and region:
     * {@code en}, {@code fa-AF}, {@code prs}, {@code uz-Latn-AF}, {@code es-419}.
     * This is what {@link java.util.Locale#toLanguageTag()} produces for those locales.
     */
    public static final String LANGUAGE = "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$";

    /** E.164 phone number: plus sign, then 7 to 15 digits, no leading zero. */
    public static final String E164 = "^\\+[1-9][0-9]{6,14}$";

    /** E-mail address, loosely: one {@code @} and a dotted domain (full checks belong to the sender). */
    public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /** IATA airport code: {@code KBL}, {@code DOH}. */
    public static final String IATA_AIRPORT = "^[A-Z]{3}$";

    /** Flight number: IATA (2 characters) or ICAO (3 letters) designator, 1 to 4 digits, optional suffix. */
    public static final String FLIGHT_NUMBER = "^([A-Z0-9]{2}|[A-Z]{3})[0-9]{1,4}[A-Z]?$";

    /** CloudEvents type of a Muster event: {@code org.muster.<service>.<Event>.v<n>}. */
    public static final String EVENT_TYPE = "^org\\.muster\\.[a-z]+\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*$";

    /** Delivery request id: {@code <campaign id>:<recipient id>:<channel>}, lower-case UUIDs. */
    public static final String DELIVERY_REQUEST_ID =
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + ":[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + ":(SMS|WHATSAPP|VOICE|EMAIL)$";

    /** Provider or Muster error code: {@code 30003}, {@code OPTED_OUT}, {@code smtp.550}. */
    public static final String ERROR_CODE = "^[A-Za-z0-9_.-]{1,64}$";

    /** Every pattern above. */
    public static final List<String> ALL = List.of(
            COUNTRY, REGION, LANGUAGE, E164, EMAIL, IATA_AIRPORT, FLIGHT_NUMBER, EVENT_TYPE,
            DELIVERY_REQUEST_ID, ERROR_CODE);

    private Patterns() {
    }
}
