package org.muster.evacuation.export;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PAXLST with StaEDI, an EDIFACT parser that is not ours: the passengers (segment group
 * 4, from one NAD+FL to the next) as "TAG element.component" to value, and every error StaEDI
 * reports against the envelope.
 */
public final class PaxlstReader {

    /** What was read. */
    public record Read(String flightNumber, List<Map<String, String>> passengers, List<String> errors) {
    }

    private PaxlstReader() {
    }

    public static Read read(String paxlst) throws Exception {
        List<Map<String, String>> passengers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String flight = null;
        String segment = null;
        Map<String, String> current = null;
        try (EDIStreamReader reader = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(paxlst.getBytes(StandardCharsets.US_ASCII)))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> segment = reader.getText();
                    case ELEMENT_DATA -> {
                        var at = reader.getLocation();
                        String key = segment + " " + at.getElementPosition() + "." + Math.max(1, at.getComponentPosition());
                        String text = reader.getText();
                        if (key.equals("NAD 1.1") && text.equals("FL")) {
                            current = new HashMap<>();
                            passengers.add(current);
                        } else if (key.equals("TDT 2.1")) {
                            flight = text;
                        } else if (key.startsWith("CNT") || key.startsWith("UN")) {
                            current = null;
                        } else if (current != null && !text.isEmpty()) {
                            current.merge(key, text, (a, b) -> a + "|" + b);
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(event + " "
                            + reader.getErrorType() + " at " + reader.getLocation().getSegmentTag() + " "
                            + reader.getLocation().getElementPosition() + "." + reader.getLocation().getComponentPosition()
                            + " '" + reader.getText() + "'");
                    default -> {
                    }
                }
            }
        }
        return new Read(flight, passengers, errors);
    }
}
