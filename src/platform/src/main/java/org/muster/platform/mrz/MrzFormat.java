package org.muster.platform.mrz;

import java.util.List;

/** The ICAO Doc 9303 layouts this parser reads. */
public enum MrzFormat {
    /** ID card: 3 lines of 30 characters. */
    TD1(3, 30, "ID card"),
    /** Official travel document: 2 lines of 36 characters. */
    TD2(2, 36, "TD2 travel document"),
    /** Passport: 2 lines of 44 characters. */
    TD3(2, 44, "passport");

    private final int lines;
    private final int lineLength;
    private final String description;

    MrzFormat(int lines, int lineLength, String description) {
        this.lines = lines;
        this.lineLength = lineLength;
        this.description = description;
    }

    public int lines() {
        return lines;
    }

    public int lineLength() {
        return lineLength;
    }

    public int totalLength() {
        return lines * lineLength;
    }

    public String description() {
        return description;
    }

    static MrzFormat byLines(List<String> rows) {
        for (MrzFormat format : values()) {
            if (format.lines == rows.size() && rows.stream().allMatch(r -> r.length() == format.lineLength)) {
                return format;
            }
        }
        return null;
    }

    static MrzFormat byTotalLength(int length) {
        for (MrzFormat format : values()) {
            if (format.totalLength() == length) {
                return format;
            }
        }
        return null;
    }

    static String expectation() {
        return "expected 2 lines of 44 characters (passport), 3 lines of 30 (ID card) or 2 lines of 36";
    }
}
