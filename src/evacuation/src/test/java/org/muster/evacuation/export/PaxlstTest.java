package org.muster.evacuation.export;

import org.junit.jupiter.api.Test;
import org.muster.contracts.common.ManifestStatus;
import org.muster.evacuation.allocation.PriorityClass;
import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.flight.FlightState;
import org.muster.evacuation.manifest.ManifestEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The PAXLST read back by StaEDI: a valid envelope, and every passenger with their document. */
class PaxlstTest {

    @Test
    void staedi_reads_every_passenger_with_document_and_escapes() throws Exception {
        Flight f = new Flight();
        f.id = UUID.randomUUID();
        f.flightNumber = "QR8401";
        f.carrier = "Qatar Airways";
        f.origin = "KBL";
        f.destination = "DOH";
        f.scheduledDeparture = Instant.parse("2026-08-26T18:30:00Z");
        f.state = FlightState.CLOSED;
        ManifestEntry anna = entry("Anna Maria Eriksson");
        anna.surname = "ERIKSSON";
        anna.givenNames = "ANNA MARIA";
        anna.dateOfBirth = LocalDate.of(1974, 8, 12);
        anna.sex = "FEMALE";
        anna.documentNumber = "L898902C3";
        anna.documentType = "P";
        anna.issuingState = "UTO";
        anna.documentNationality = "UTO";
        anna.documentExpiresOn = LocalDate.of(2012, 4, 15);
        ManifestEntry noDocument = entry("Seán O'Brien+Ward");

        String paxlst = Paxlst.write(f, List.of(anna, noDocument), "MUSTER", "MUSTER CONSULAR", "123", Instant.now());
        PaxlstReader.Read read = PaxlstReader.read(paxlst);

        assertThat(read.errors()).isEmpty();
        assertThat(read.flightNumber()).isEqualTo("QR8401");
        assertThat(read.passengers()).hasSize(2);
        Map<String, String> first = read.passengers().get(0);
        assertThat(first).containsEntry("NAD 4.1", "ERIKSSON").containsEntry("NAD 4.2", "ANNA MARIA")
                .containsEntry("ATT 3.1", "F").containsEntry("DOC 2.1", "L898902C3").containsEntry("NAT 2.1", "UTO")
                .containsEntry("LOC 2.1", "KBL|DOH|UTO").containsEntry("DTM 1.2", "740812|120415");
        Map<String, String> second = read.passengers().get(1);
        assertThat(second).containsEntry("NAD 4.1", "O'BRIEN+WARD").containsEntry("NAD 4.2", "SEAN")
                .containsEntry("NAT 2.1", "GB").doesNotContainKey("DOC 2.1");
    }

    private static ManifestEntry entry(String name) {
        ManifestEntry e = new ManifestEntry();
        e.id = UUID.randomUUID();
        e.nationalId = UUID.randomUUID();
        e.householdId = UUID.randomUUID();
        e.displayName = name;
        e.nationality = "GB";
        e.seats = 1;
        e.priority = PriorityClass.OTHER;
        e.status = ManifestStatus.BOARDED;
        return e;
    }
}
