package org.muster.registry;

import java.util.UUID;

/** Registration bodies for tests: a family in Kabul, with what each test changes. */
public final class Households {

    private Households() {
    }

    /** A unique passport number, so tests do not collide on the one-document-one-person rule. */
    /**
     * A passport number no other test or bench registration has: 16 hex digits (eight gave a
     * duplicate-document 409 about once in twenty benchmark runs of 20,000 registrations).
     */
    public static String passport() {
        return "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    public static String kabulFamily(String familyName, String passport, String phone) {
        return """
                {
                  "registrant": {"givenNames": "Laila", "familyName": "%s", "dateOfBirth": "1986-04-12",
                                 "nationality": "GB", "preferredLanguage": "fa-AF",
                                 "document": {"type": "PASSPORT", "number": "%s", "issuingCountry": "GB",
                                              "expiresOn": "2029-01-31"}},
                  "household": [
                    {"givenNames": "Omid", "familyName": "%s", "dateOfBirth": "2015-09-01", "nationality": "GB",
                     "vulnerabilities": ["UNACCOMPANIED_MINOR"]},
                    {"givenNames": "Farid", "familyName": "%s", "dateOfBirth": "1950-02-02", "nationality": "AF",
                     "vulnerabilities": ["ELDERLY", "REDUCED_MOBILITY"]}
                  ],
                  "location": {"country": "AF", "region": "AF-KAB", "city": "Kabul"},
                  "contacts": [{"channel": "SMS", "address": "%s"},
                               {"channel": "EMAIL", "address": "Laila.%s@Example.org"}],
                  "consent": {"version": "2026-11", "given": true}
                }""".formatted(familyName, passport, familyName, familyName, phone, familyName);
    }

    public static String kabulFamily(String familyName) {
        return kabulFamily(familyName, passport(), "0700 123 456");
    }
}
