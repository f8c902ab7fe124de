package org.muster.evacuation.allocation;

import org.junit.jupiter.api.Test;
import org.muster.contracts.common.Vulnerability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-allocation of 20,000 people in households (1 to 7) to 100 flights. Aim: under 2 s and
 * 512 MB of heap (the bench profile runs with -Xmx512m). Reference, measured in the same run:
 * sorting the same households into service order, the least any allocation must do.
 */
class AllocationBench {

    @Test
    void twenty_thousand_people_to_one_hundred_flights() {
        Random random = new Random(42);
        Instant t0 = Instant.parse("2026-08-15T06:00:00Z");
        Vulnerability[] kinds = Vulnerability.values();
        List<Allocation.Request> requests = new ArrayList<>();
        int people = 0;
        while (people < 20_000) {
            int size = Math.min(1 + random.nextInt(7), 20_000 - people);
            List<Allocation.Member> members = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Set<Vulnerability> v = random.nextInt(5) == 0 ? EnumSet.of(kinds[random.nextInt(kinds.length)])
                        : Set.of();
                members.add(new Allocation.Member(new UUID(random.nextLong(), random.nextLong()), v));
            }
            requests.add(new Allocation.Request(new UUID(random.nextLong(), random.nextLong()), members,
                    t0.plusSeconds(random.nextInt(86_400))));
            people += size;
        }
        List<Allocation.OpenFlight> flights = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            flights.add(new Allocation.OpenFlight(new UUID(random.nextLong(), random.nextLong()), "RCH" + (100 + i),
                    t0.plusSeconds(3600L * i), 150 + random.nextInt(100)));
        }

        for (int warm = 0; warm < 3; warm++) {
            Allocation.allocate(requests, flights);
            requests.stream().sorted(Allocation.SERVICE_ORDER).toList();
        }
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        Allocation.Plan plan = Allocation.allocate(requests, flights);
        long allocationNanos = System.nanoTime() - start;
        long peakHeap = peakHeap();

        start = System.nanoTime();
        List<Allocation.Request> sorted = requests.stream().sorted(Allocation.SERVICE_ORDER).toList();
        long sortNanos = System.nanoTime() - start;

        int placedPeople = plan.placed().stream().mapToInt(p -> p.members().size()).sum();
        System.out.printf("AllocationBench: %d people in %d households to %d flights: %d people placed, %d households"
                        + " not placed; allocation %.1f ms, peak heap %.0f MB (max %.0f MB); reference sort into service"
                        + " order %.1f ms (%d households)%n",
                people, requests.size(), flights.size(), placedPeople, plan.unplaced().size(), allocationNanos / 1e6,
                peakHeap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, sortNanos / 1e6, sorted.size());
        assertThat(allocationNanos).isLessThan(2_000_000_000L);
        assertThat(peakHeap).isLessThan(512L * 1024 * 1024);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
