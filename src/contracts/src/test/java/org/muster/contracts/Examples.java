package org.muster.contracts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.muster.contracts.alerts.AdvisoryPublished;
import org.muster.contracts.alerts.CampaignStateChanged;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.contracts.common.AdvisoryStatus;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.FlightStatus;
import org.muster.contracts.common.ManifestStatus;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.common.WelfareStatus;
import org.muster.contracts.evacuation.FlightChanged;
import org.muster.contracts.evacuation.FlightDeparted;
import org.muster.contracts.evacuation.FlightScheduled;
import org.muster.contracts.evacuation.ManifestEntryStatusChanged;
import org.muster.contracts.evacuation.PassengerManifested;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.contracts.partners.SeatsRequested;
import org.muster.contracts.registry.NationalSnapshot;

/**
 * Realistic example events from the Kabul scenario of August 2021: one per cataloged type in
 * {@link #primary()}, plus variants that exercise the schemas' conditional rules in {@link #all()}.
 */
public final class Examples {

    public static final UUID NATIONAL = UUID.fromString("5b0f3c1e-8a4d-4f1e-9c2a-1d7e6f3a9b21");
    public static final UUID SPOUSE = UUID.fromString("a41c9e77-2f3b-4d8a-b6c5-0e9f8d7c6b54");
    public static final UUID HOUSEHOLD = UUID.fromString("0c6e2d94-7b1a-4c3f-8e5d-2a9b1c0d4e67");
    public static final UUID ADVISORY = UUID.fromString("e2d4f6a8-1b3c-4d5e-8f70-9a1b2c3d4e5f");
    public static final UUID PREVIOUS_ADVISORY = UUID.fromString("c7a1b2d3-4e5f-4a6b-9c8d-7e6f5a4b3c2d");
    public static final UUID CAMPAIGN = UUID.fromString("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b");
    public static final UUID DELIVERY = UUID.fromString("3d2c1b0a-9f8e-4d7c-a6b5-4a3b2c1d0e9f");
    public static final UUID REPLY = UUID.fromString("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
    public static final UUID FLIGHT = UUID.fromString("7e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b");
    public static final UUID ENTRY = UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
    public static final UUID SEAT_REQUEST = UUID.fromString("6c5d4e3f-2a1b-4c0d-8e9f-7a6b5c4d3e2f");
    public static final UUID PARTNER_PASSENGER = UUID.fromString("8f7e6d5c-4b3a-4291-a0bf-ce9d8c7b6a59");
    public static final UUID PARTNER_HOUSEHOLD = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

    public static final String PHONE = "+93701234567";
    public static final String EMAIL = "j.devries@example.org";
    public static final Instant T0 = Instant.parse("2021-08-15T06:30:00Z");

    private Examples() {
    }

    /** One example per cataloged payload class. */
    public static Map<Class<?>, EventPayload> primary() {
        Map<Class<?>, EventPayload> examples = new LinkedHashMap<>();
        for (EventPayload e : List.of(
                nationalSnapshot(),
                advisoryPublished(),
                smsRequested(),
                campaignCancelled(),
                deliveryStatusChanged(DeliveryStatus.DELIVERED),
                replyReceived(),
                flightScheduled(),
                flightChanged(),
                passengerManifested(),
                manifestEntryStatusChanged(ManifestStatus.CHECKED_IN),
                flightDeparted(),
                seatsRequested())) {
            examples.put(e.getClass(), e);
        }
        return examples;
    }

    /** Every example, variants included. */
    public static List<EventPayload> all() {
        return List.of(
                nationalSnapshot(),
                minimalNational(),
                advisoryPublished(),
                smsRequested(),
                emailRequested(),
                campaignCancelled(),
                deliveryStatusChanged(DeliveryStatus.QUEUED),
                deliveryStatusChanged(DeliveryStatus.SENT),
                deliveryStatusChanged(DeliveryStatus.DELIVERED),
                deliveryStatusChanged(DeliveryStatus.UNDELIVERED),
                replyReceived(),
                replyFromUnknownNumber(),
                flightScheduled(),
                flightChanged(),
                passengerManifested(),
                manifestEntryStatusChanged(ManifestStatus.CHECKED_IN),
                manifestEntryStatusChanged(ManifestStatus.NO_SHOW),
                flightDeparted(),
                seatsRequested());
    }

    public static NationalSnapshot nationalSnapshot() {
        return new NationalSnapshot(
                NATIONAL,
                HOUSEHOLD,
                "NL",
                "nl",
                new NationalSnapshot.Location("AF", "AF-KAB", "Kabul"),
                List.of(
                        new NationalSnapshot.ContactPoint(Channel.SMS, PHONE, true, false, 1),
                        new NationalSnapshot.ContactPoint(Channel.WHATSAPP, PHONE, true, false, 2),
                        new NationalSnapshot.ContactPoint(Channel.EMAIL, EMAIL, false, false, 3)),
                List.of(Vulnerability.PREGNANCY),
                WelfareStatus.UNKNOWN,
                EvacuationStatus.REQUESTED,
                "Janneke de Vries",
                7,
                T0);
    }

    /** A national with the minimum: no region or city, no contact point, no vulnerability. */
    public static NationalSnapshot minimalNational() {
        return new NationalSnapshot(
                SPOUSE,
                HOUSEHOLD,
                "NL",
                "fa-AF",
                new NationalSnapshot.Location("AF", null, null),
                List.of(),
                List.of(),
                WelfareStatus.UNREACHABLE,
                EvacuationStatus.NOT_REQUESTED,
                "Ahmad Rahimi",
                1,
                T0);
    }

    public static AdvisoryPublished advisoryPublished() {
        Map<String, AdvisoryPublished.Text> texts = new LinkedHashMap<>();
        texts.put("nl", new AdvisoryPublished.Text(
                "Verlaat Afghanistan onmiddellijk",
                "De veiligheidssituatie in Kabul en Balkh verslechtert snel.",
                "Meld u aan voor een evacuatievlucht en houd uw telefoon bij de hand."));
        texts.put("en", new AdvisoryPublished.Text(
                "Leave Afghanistan immediately",
                "The security situation in Kabul and Balkh is deteriorating rapidly.",
                null));
        return new AdvisoryPublished(
                ADVISORY,
                2,
                "AF",
                AdvisoryLevel.DO_NOT_TRAVEL,
                AdvisoryAction.LEAVE_IMMEDIATELY,
                List.of("AF-KAB", "AF-BAL"),
                texts,
                T0,
                Instant.parse("2021-08-31T23:59:59Z"),
                PREVIOUS_ADVISORY,
                AdvisoryStatus.ACTUAL,
                T0);
    }

    public static DeliveryRequested smsRequested() {
        return new DeliveryRequested(
                DeliveryRequested.requestIdOf(CAMPAIGN, NATIONAL, Channel.SMS),
                CAMPAIGN,
                NATIONAL,
                Channel.SMS,
                PHONE,
                "nl",
                null,
                "Janneke de Vries, verlaat Afghanistan onmiddellijk. Antwoord VEILIG of HULP.",
                DeliveryPriority.LEAVE_NOW,
                T0.plusSeconds(6 * 3600),
                0,
                T0.plusSeconds(60));
    }

    public static DeliveryRequested emailRequested() {
        return new DeliveryRequested(
                DeliveryRequested.requestIdOf(CAMPAIGN, NATIONAL, Channel.EMAIL),
                CAMPAIGN,
                NATIONAL,
                Channel.EMAIL,
                EMAIL,
                "nl",
                "Verlaat Afghanistan onmiddellijk",
                "Beste Janneke de Vries,\n\nDe ambassade adviseert u Afghanistan onmiddellijk te verlaten.",
                DeliveryPriority.LEAVE_NOW,
                T0.plusSeconds(6 * 3600),
                1,
                T0.plusSeconds(600));
    }

    public static DeliveryStatusChanged deliveryStatusChanged(DeliveryStatus status) {
        boolean sent = status == DeliveryStatus.SENT || status.isSuccessful();
        return new DeliveryStatusChanged(
                DELIVERY,
                DeliveryRequested.requestIdOf(CAMPAIGN, NATIONAL, Channel.SMS),
                CAMPAIGN,
                NATIONAL,
                Channel.SMS,
                status,
                1,
                sent || status.needsFallback() ? "SM0f1e2d3c4b5a69788796a5b4c3d2e1f0" : null,
                status.needsFallback() ? "30003" : null,
                T0.plusSeconds(75));
    }

    public static CampaignStateChanged campaignCancelled() {
        return new CampaignStateChanged(CAMPAIGN, CampaignStateChanged.State.CANCELLED, "officer-ana", T0.plusSeconds(300));
    }

    public static ReplyReceived replyReceived() {
        return new ReplyReceived(REPLY, NATIONAL, CAMPAIGN, Channel.SMS, PHONE, ReplyKeyword.HELP,
                "HULP we zijn met z'n vieren bij de noordpoort", T0.plusSeconds(900));
    }

    public static ReplyReceived replyFromUnknownNumber() {
        return new ReplyReceived(UUID.fromString("4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8"), null, null,
                Channel.WHATSAPP, "+93799876543", ReplyKeyword.SAFE, "SAFE", T0.plusSeconds(1200));
    }

    public static FlightScheduled flightScheduled() {
        return new FlightScheduled(FLIGHT, "Royal Netherlands Air Force", "NAF07", "KBL", "ISB",
                Instant.parse("2021-08-17T21:00:00Z"), 120, FlightStatus.PLANNED, T0.plusSeconds(3600));
    }

    public static FlightChanged flightChanged() {
        return new FlightChanged(FLIGHT, "Royal Netherlands Air Force", "NAF07", "KBL", "ISB",
                Instant.parse("2021-08-17T23:30:00Z"), 140, FlightStatus.CONFIRMED, T0.plusSeconds(7200));
    }

    public static PassengerManifested passengerManifested() {
        return new PassengerManifested(FLIGHT, ENTRY, NATIONAL, HOUSEHOLD, "NL", ManifestStatus.ASSIGNED, 1,
                T0.plusSeconds(10_800));
    }

    public static ManifestEntryStatusChanged manifestEntryStatusChanged(ManifestStatus status) {
        return new ManifestEntryStatusChanged(FLIGHT, ENTRY, NATIONAL, HOUSEHOLD, "NL", status,
                status.holdsSeat() ? 1 : 0, Instant.parse("2021-08-17T19:42:10Z"));
    }

    public static FlightDeparted flightDeparted() {
        return new FlightDeparted(FLIGHT, Instant.parse("2021-08-17T23:48:00Z"), 131,
                Instant.parse("2021-08-17T23:52:30Z"));
    }

    public static SeatsRequested seatsRequested() {
        return new SeatsRequested(
                SEAT_REQUEST,
                "BE",
                FLIGHT,
                null,
                List.of(
                        new SeatsRequested.Passenger(PARTNER_PASSENGER, "BE-KBL-2021-0412", "Lieve Peeters", "BE",
                                PARTNER_HOUSEHOLD, 1, List.of()),
                        new SeatsRequested.Passenger(UUID.fromString("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"),
                                "BE-KBL-2021-0413", "Noor Peeters", "BE", PARTNER_HOUSEHOLD, 0,
                                List.of(Vulnerability.INFANT))),
                T0.plusSeconds(5400));
    }
}
