package org.muster.alerts;

import org.muster.contracts.common.Channel;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.common.WelfareStatus;
import org.muster.contracts.registry.NationalSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Registry snapshots for tests, as registry publishes them. */
public final class Nationals {

    private Nationals() {
    }

    public static NationalSnapshot inKabul(UUID id, UUID household, String language, String phone, long version) {
        return snapshot(id, household, language, "AF-KAB", phone, false, WelfareStatus.UNKNOWN, version);
    }

    public static NationalSnapshot snapshot(UUID id, UUID household, String language, String region, String phone,
                                            boolean optedOut, WelfareStatus welfare, long version) {
        List<NationalSnapshot.ContactPoint> contacts = phone == null ? List.of()
                : List.of(new NationalSnapshot.ContactPoint(Channel.SMS, phone, true, optedOut, 1));
        return new NationalSnapshot(id, household, "FR", language, new NationalSnapshot.Location("AF", region, "Kabul"),
                contacts, List.of(Vulnerability.MEDICAL), welfare, EvacuationStatus.NOT_REQUESTED,
                "Test Person " + id.toString().substring(0, 6), version, Instant.now());
    }
}
