package org.muster.evacuation.allocation;

import org.muster.contracts.common.Vulnerability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Puts households that asked to leave on open flights. Plain Java, no state, deterministic: the
 * same requests and flights give the same plan whatever order they come in.
 *
 * <p>Households are served by priority class, then by time of request, then by household id (a
 * stable tie-break). Each takes the earliest flight (by departure, flight number, id) that has
 * seats for all of its members; a household is never split and no flight gets more than its free
 * seats. A household that skips an earlier flight records which ones and how many seats they had
 * left, so that a lower-priority household on an earlier flight always has an explanation (a
 * smaller household fits where a larger one does not). Infants under two travel on a lap: each
 * takes no seat while the household has a seated member for them.
 */
public final class Allocation {

    private Allocation() {
    }

    /** A person asking for a seat. */
    public record Member(UUID nationalId, Set<Vulnerability> vulnerabilities) {
        public boolean infant() {
            return vulnerabilities.contains(Vulnerability.INFANT);
        }
    }

    /** A household asking for seats: the members not yet on a flight, and when they first asked. */
    public record Request(UUID householdId, List<Member> members, Instant requestedAt) {
        public Request {
            if (members.isEmpty()) {
                throw new IllegalArgumentException("a request needs at least one member");
            }
            members = List.copyOf(members);
        }
    }

    /** A flight taking allocations, with the seats the allocation may still give. */
    public record OpenFlight(UUID flightId, String flightNumber, Instant departure, int freeSeats) {

        /**
         * The flight as the allocation sees it: of its seats, those held back (crew, officials)
         * and those held for partner embassies' quotas are never offered, nor those already taken.
         */
        public static OpenFlight of(UUID flightId, String flightNumber, Instant departure, int seats, int heldBack,
                                    int partnerQuota, int taken) {
            return new OpenFlight(flightId, flightNumber, departure, Math.max(0, seats - heldBack - partnerQuota - taken));
        }
    }

    /** A member's place: seats 0 for an infant on a lap. */
    public record Seat(UUID nationalId, int seats) {
    }

    /** An earlier flight the household skipped because it had seats left, but too few. */
    public record Passed(UUID flightId, String flightNumber, int freeSeats) {
    }

    /**
     * Where a household goes, and why. {@code flightId} is null when it could not be placed.
     *
     * @param passed earlier flights with free seats the household did not fit on
     */
    public record Placement(UUID householdId, PriorityClass priority, Instant requestedAt, int seatsNeeded,
                            List<Seat> members, UUID flightId, String flightNumber, List<Passed> passed,
                            String reason) {
        public boolean placed() {
            return flightId != null;
        }
    }

    /**
     * The outcome: every household's placement in the order they were served, and the seats each
     * flight has left after.
     */
    public record Plan(List<Placement> placements, Map<UUID, Integer> freeSeatsAfter) {
        public List<Placement> placed() {
            return placements.stream().filter(Placement::placed).toList();
        }

        public List<Placement> unplaced() {
            return placements.stream().filter(p -> !p.placed()).toList();
        }
    }

    /** The order households are served in. */
    public static final Comparator<Request> SERVICE_ORDER = Comparator
            .comparing((Request r) -> priorityOf(r).ordinal())
            .thenComparing(Request::requestedAt)
            .thenComparing(Request::householdId);

    /** The order flights are filled in. */
    public static final Comparator<OpenFlight> FLIGHT_ORDER = Comparator
            .comparing(OpenFlight::departure)
            .thenComparing(OpenFlight::flightNumber)
            .thenComparing(OpenFlight::flightId);

    public static Plan allocate(Collection<Request> requests, Collection<OpenFlight> flights) {
        List<OpenFlight> order = flights.stream().sorted(FLIGHT_ORDER).toList();
        int[] free = new int[order.size()];
        for (int i = 0; i < free.length; i++) {
            free[i] = Math.max(0, order.get(i).freeSeats());
        }
        // Full flights can hold nobody served later, so they need no mention and no visit.
        int firstWithSeats = 0;
        List<Request> served = requests.stream().sorted(SERVICE_ORDER).toList();
        List<Placement> placements = new ArrayList<>(served.size());
        for (Request request : served) {
            while (firstWithSeats < free.length && free[firstWithSeats] == 0) {
                firstWithSeats++;
            }
            PriorityClass priority = priorityOf(request);
            List<Seat> seats = seats(request.members());
            int need = seats.stream().mapToInt(Seat::seats).sum();
            List<Passed> passed = new ArrayList<>();
            int chosen = -1;
            for (int i = firstWithSeats; i < free.length; i++) {
                if (free[i] >= need) {
                    chosen = i;
                    break;
                }
                if (free[i] > 0) {
                    passed.add(new Passed(order.get(i).flightId(), order.get(i).flightNumber(), free[i]));
                }
            }
            String why = priority + ", asked " + request.requestedAt() + ", " + need + (need == 1 ? " seat" : " seats");
            if (chosen >= 0) {
                free[chosen] -= need;
                OpenFlight f = order.get(chosen);
                placements.add(new Placement(request.householdId(), priority, request.requestedAt(), need, seats,
                        f.flightId(), f.flightNumber(), List.copyOf(passed),
                        why + ": " + (passed.isEmpty() ? "earliest flight with seats free"
                                : "earliest flight with enough seats free; " + describe(passed, need))));
            } else {
                placements.add(new Placement(request.householdId(), priority, request.requestedAt(), need, seats,
                        null, null, List.copyOf(passed), why + ": not placed, "
                        + (passed.isEmpty() ? "no open flight has seats free" : describe(passed, need))));
            }
        }
        Map<UUID, Integer> after = new LinkedHashMap<>();
        for (int i = 0; i < free.length; i++) {
            after.put(order.get(i).flightId(), free[i]);
        }
        return new Plan(placements, after);
    }

    /**
     * The seats of a household's members, in id order: an infant takes none while there is a
     * seated member whose lap is still free; beyond that an infant takes a seat of its own.
     */
    public static List<Seat> seats(List<Member> members) {
        List<Member> sorted = members.stream().sorted(Comparator.comparing(Member::nationalId)).toList();
        long laps = sorted.stream().filter(m -> !m.infant()).count();
        List<Seat> seats = new ArrayList<>(sorted.size());
        for (Member m : sorted) {
            if (m.infant() && laps > 0) {
                laps--;
                seats.add(new Seat(m.nationalId(), 0));
            } else {
                seats.add(new Seat(m.nationalId(), 1));
            }
        }
        return seats;
    }

    public static PriorityClass priorityOf(Request request) {
        return PriorityClass.ofHousehold(request.members().stream().map(Member::vulnerabilities).toList());
    }

    private static String describe(List<Passed> passed, int need) {
        String listed = passed.stream().limit(3).map(p -> p.flightNumber() + " had " + p.freeSeats())
                .collect(Collectors.joining(", "));
        String more = passed.size() > 3 ? " and " + (passed.size() - 3) + " more flights had fewer" : "";
        return listed + more + " seats free, " + need + " needed together";
    }
}
