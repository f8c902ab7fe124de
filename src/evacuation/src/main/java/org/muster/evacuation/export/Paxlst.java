package org.muster.evacuation.export;

import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.manifest.ManifestEntry;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A UN/EDIFACT PAXLST message (directory D05B, as the WCO/IATA/ICAO API guidelines use it) listing
 * a flight's passengers for the destination's border authority. Syntax level A (UNOA: upper-case
 * letters, digits, spaces and a few signs), so names are transliterated to A-Z.
 *
 * <p>Per passenger (segment group 4): NAD+FL name, ATT+2 sex, DTM+329 date of birth, LOC+178/179
 * embarkation and disembarkation, NAT+2 nationality, then DOC + DTM+36 expiry + LOC+91 issuing
 * state when the document is known.
 */
public final class Paxlst {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
    private static final DateTimeFormatter YYMMDDHHMM = DateTimeFormatter.ofPattern("yyMMddHHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UNB_TIME = DateTimeFormatter.ofPattern("yyyyMMdd:HHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Paxlst() {
    }

    /**
     * @param sender        the interchange sender id (UNB)
     * @param senderName    who sends, as NAD+MS names them
     * @param reference     the interchange control reference, at most 14 characters
     */
    public static String write(Flight flight, List<ManifestEntry> passengers, String sender, String senderName,
                               String reference, Instant preparedAt) {
        List<String> message = new ArrayList<>();
        message.add(segment("UNH", "1", "PAXLST:D:05B:UN:IATA"));
        message.add(segment("BGM", "745"));
        message.add(segment("NAD", "MS", "", "", text(senderName)));
        message.add(segment("TDT", "20", text(flight.flightNumber)));
        message.add(segment("LOC", "125", flight.origin));
        message.add(segment("DTM", "189:" + YYMMDDHHMM.format(flight.departedAt != null ? flight.departedAt
                : flight.scheduledDeparture) + ":201"));
        message.add(segment("LOC", "87", flight.destination));
        for (ManifestEntry p : passengers) {
            String[] name = name(p);
            message.add(segment("NAD", "FL", "", "", name[0] + (name[1].isEmpty() ? "" : ":" + name[1])));
            if (p.sex != null) {
                message.add(segment("ATT", "2", "", sex(p.sex)));
            }
            if (p.dateOfBirth != null) {
                message.add(segment("DTM", "329:" + YYMMDD.format(p.dateOfBirth)));
            }
            message.add(segment("LOC", "178", flight.origin));
            message.add(segment("LOC", "179", flight.destination));
            String nationality = p.documentNationality != null ? p.documentNationality : p.nationality;
            message.add(segment("NAT", "2", text(nationality)));
            if (p.documentNumber != null) {
                message.add(segment("DOC", docType(p.documentType) + ":110:111", text(p.documentNumber)));
                if (p.documentExpiresOn != null) {
                    message.add(segment("DTM", "36:" + YYMMDD.format(p.documentExpiresOn)));
                }
                if (p.issuingState != null) {
                    message.add(segment("LOC", "91", text(p.issuingState)));
                }
            }
        }
        message.add(segment("CNT", "42:" + passengers.size()));
        message.add(segment("UNT", String.valueOf(message.size() + 1), "1"));
        StringBuilder out = new StringBuilder("UNA:+.?*'");
        out.append(segment("UNB", "UNOA:4:::02", text(sender) + ":ZZZ", flight.destination + ":ZZZ",
                UNB_TIME.format(preparedAt), reference));
        message.forEach(out::append);
        out.append(segment("UNZ", "1", reference));
        return out.toString();
    }

    /** {surname, given names}: from the document when read, else split from the display name. */
    static String[] name(ManifestEntry p) {
        if (p.surname != null) {
            return new String[] {text(p.surname), text(p.givenNames == null ? "" : p.givenNames)};
        }
        String display = p.displayName == null ? "UNKNOWN" : p.displayName.strip();
        int last = display.lastIndexOf(' ');
        return last < 0 ? new String[] {text(display), ""}
                : new String[] {text(display.substring(last + 1)), text(display.substring(0, last))};
    }

    private static String sex(String sex) {
        return switch (sex) {
            case "MALE", "M" -> "M";
            case "FEMALE", "F" -> "F";
            default -> "X";
        };
    }

    private static String docType(String code) {
        if (code == null || code.isEmpty()) {
            return "P";
        }
        return code.startsWith("P") ? "P" : code.startsWith("I") ? "I" : code.startsWith("A") ? "A" : "C";
    }

    private static String segment(String tag, String... elements) {
        StringBuilder s = new StringBuilder(tag);
        for (String e : elements) {
            s.append('+').append(e);
        }
        return s.append('\'').toString();
    }

    /**
     * A data value in UNOA: upper-cased, accents stripped, anything else outside the level A set
     * becomes a space, and the service characters (including the repetition separator '*' of
     * syntax 4) are released with '?'.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String upper = Normalizer.normalize(value.toUpperCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder();
        for (char c : upper.toCharArray()) {
            if (c == '?' || c == '+' || c == ':' || c == '\'' || c == '*') {
                out.append('?').append(c);
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || " .,-()/=!\"%&;<>".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(' ');
            }
        }
        return out.toString().strip().replaceAll(" {2,}", " ");
    }

    static String date(LocalDate date) {
        return YYMMDD.format(date);
    }
}
