package org.muster.evacuation.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.muster.evacuation.flight.AssemblyPoint;
import org.muster.evacuation.flight.AssemblyPointRequest;
import org.muster.evacuation.flight.AssemblyPoints;
import org.muster.evacuation.flight.AssemblyRequest;
import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.flight.FlightRequest;
import org.muster.evacuation.flight.Flights;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evacuation's part of the demo crisis behind {@code make run}: an assembly point by Kabul
 * airport and two planned flights out of Kabul, to Doha and to Islamabad, ready for the demo
 * nationals who ask for a seat. Each has a fixed id, so a restart finds them and creates
 * nothing; the flights go through the same planning as an officer's (event, audit). Off unless
 * {@code muster.demo.seed} is true; never set it in production.
 */
@ApplicationScoped
public class DemoFlights {

    private static final Logger LOG = Logger.getLogger(DemoFlights.class);
    static final String ACTOR = "demo-seed";

    static final UUID BARON_HOTEL = id("assembly-point:baron-hotel");
    static final UUID KBL_DOH = id("flight:KBL-DOH");
    static final UUID KBL_ISB = id("flight:KBL-ISB");

    /** A demo flight: what an officer would enter, departing some hours after the first start. */
    record Demo(UUID id, String carrier, String number, String aircraft, int seats, int heldBack, int quota,
                String destination, Duration departsIn) {
    }

    static final List<Demo> FLIGHTS = List.of(
            new Demo(KBL_DOH, "Qatar Airways", "QR8401", "Boeing 777-300ER", 354, 14, 40, "DOH", Duration.ofHours(24)),
            new Demo(KBL_ISB, "Pakistan International Airlines", "PK6252", "Boeing 777-200ER", 329, 12, 30, "ISB",
                    Duration.ofHours(36)));

    static final AssemblyPointRequest BARON = new AssemblyPointRequest("Baron Hotel",
            "Airport Road, beside Hamid Karzai International Airport (Abbey Gate), Kabul", Map.of(
            "en", "Come to the hotel's main gate on Airport Road with your passport or ID card and this message. "
                    + "One bag per person. Staff in blue vests check your name against the manifest.",
            "fr", "Présentez-vous au portail principal de l'hôtel, sur Airport Road, avec votre passeport ou votre "
                    + "carte d'identité et ce message. Un bagage par personne. Le personnel en gilet bleu vérifie "
                    + "votre nom sur le manifeste.",
            "de", "Kommen Sie mit Reisepass oder Personalausweis und dieser Nachricht zum Haupttor des Hotels an der "
                    + "Airport Road. Ein Gepäckstück pro Person. Mitarbeitende in blauen Westen gleichen Ihren Namen "
                    + "mit der Passagierliste ab.",
            "fa-AF", "با پاسپورت یا تذکره و همین پیام به دروازه اصلی هوتل در سرک میدان هوایی بیایید. برای هر نفر یک "
                    + "بکس. کارمندان با واسکت آبی نام شما را در فهرست مسافران بررسی می‌کنند.",
            "ps", "له خپل پاسپورټ یا تذکرې او دې پیغام سره د هوايي ډګر پر سړک د هوټل اصلي دروازې ته راشئ. هر کس یو "
                    + "بکس. د آبي واسکټ کارکوونکي ستاسو نوم د مسافرینو په لیست کې ګوري."));

    @ConfigProperty(name = "muster.demo.seed", defaultValue = "false")
    boolean seed;

    @Inject
    Flights flights;

    @Inject
    AssemblyPoints points;

    void onStart(@Observes StartupEvent start) {
        if (seed) {
            int created = load(Instant.now());
            LOG.infof("demo flights: %d created, %d already there", created, FLIGHTS.size() + 1 - created);
        }
    }

    /**
     * Creates whichever of the demo assembly point and flights does not exist yet, and returns
     * how many it created. A flight departs {@code departsIn} after {@code now} (to the hour),
     * check-in closes two hours before, passengers report five hours before.
     */
    @Transactional
    public int load(Instant now) {
        int created = 0;
        if (AssemblyPoint.findById(BARON_HOTEL) == null) {
            points.create(BARON_HOTEL, BARON, ACTOR);
            created++;
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        for (Demo d : FLIGHTS) {
            if (Flight.findById(d.id()) != null) {
                continue;
            }
            Instant departure = hour.plus(d.departsIn());
            flights.schedule(d.id(), new FlightRequest(d.carrier(), d.number(), d.aircraft(), d.seats(), d.heldBack(),
                    d.quota(), "KBL", d.destination(), departure, departure.minus(2, ChronoUnit.HOURS)), ACTOR);
            flights.assemble(d.id(), new AssemblyRequest(BARON_HOTEL, departure.minus(5, ChronoUnit.HOURS)), ACTOR);
            created++;
        }
        return created;
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("muster-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
