package org.muster.evacuation.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.manifest.ManifestEntry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The printable manifest for the crew and ground handling: A4 landscape, the flight in the
 * heading, one line per passenger with a box to tick at the door, page numbers. The standard
 * PDF fonts carry Latin script only, so names are printed transliterated (as on the MRZ).
 */
public final class ManifestPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final float MARGIN = 36;
    private static final float LINE = 15;
    private static final float[] COLUMNS = {MARGIN, MARGIN + 28, MARGIN + 250, MARGIN + 330, MARGIN + 360, MARGIN + 400,
        MARGIN + 500, MARGIN + 540, MARGIN + 600, MARGIN + 680, MARGIN + 740};
    private static final String[] HEADINGS = {"#", "Name", "Born", "Sex", "Nat.", "Document", "Seats", "Priority",
        "Status", "Household", "Board"};

    private ManifestPdf() {
    }

    public static byte[] write(Flight f, List<ManifestEntry> passengers, Instant printedAt) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        int perPage = (int) ((size.getHeight() - 2 * MARGIN - 70) / LINE);
        int pages = Math.max(1, (passengers.size() + perPage - 1) / perPage);
        int seats = passengers.stream().mapToInt(p -> p.seats).sum();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int page = 0; page < pages; page++) {
                PDPage p = new PDPage(size);
                doc.addPage(p);
                try (PDPageContentStream s = new PDPageContentStream(doc, p)) {
                    float y = size.getHeight() - MARGIN;
                    text(s, bold, 14, MARGIN, y, "Passenger manifest " + f.flightNumber + " " + f.carrier + " ("
                            + f.aircraftType + ")");
                    y -= 18;
                    text(s, regular, 10, MARGIN, y, f.origin + " to " + f.destination + ", departure "
                            + TIME.format(f.scheduledDeparture) + ". " + passengers.size() + " passengers, " + seats
                            + " seats. Printed " + TIME.format(printedAt) + ". Page " + (page + 1) + " of " + pages + ".");
                    y -= 24;
                    for (int c = 0; c < HEADINGS.length; c++) {
                        text(s, bold, 9, COLUMNS[c], y, HEADINGS[c]);
                    }
                    s.moveTo(MARGIN, y - 4);
                    s.lineTo(size.getWidth() - MARGIN, y - 4);
                    s.stroke();
                    y -= LINE;
                    int end = Math.min(passengers.size(), (page + 1) * perPage);
                    for (int i = page * perPage; i < end; i++) {
                        ManifestEntry e = passengers.get(i);
                        String[] cells = {String.valueOf(i + 1), name(e), e.dateOfBirth == null ? "" : e.dateOfBirth.toString(),
                            e.sex == null ? "" : e.sex.substring(0, 1), e.documentNationality != null
                                ? e.documentNationality : e.nationality,
                            e.documentNumber == null ? "" : e.documentNumber, String.valueOf(e.seats),
                            e.priority.name().replace('_', ' ').toLowerCase(Locale.ROOT), e.status.name(),
                            e.householdId.toString().substring(0, 8), "[  ]"};
                        for (int c = 0; c < cells.length; c++) {
                            text(s, regular, 8, COLUMNS[c], y, fit(cells[c], c == 1 ? 48 : c == 7 ? 16 : 18));
                        }
                        y -= LINE;
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(ManifestEntry e) {
        if (e.surname != null) {
            return e.surname + ", " + (e.givenNames == null ? "" : e.givenNames);
        }
        return e.displayName == null ? "(erased)" : e.displayName;
    }

    private static void text(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(latin(text));
        s.endText();
    }

    /** What the standard fonts can show: accents stripped, anything outside printable ASCII as '?'. */
    static String latin(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(stripped.length());
        for (char c : stripped.toCharArray()) {
            out.append(c >= 32 && c < 127 ? c : '?');
        }
        return out.toString();
    }

    private static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + ".";
    }
}
