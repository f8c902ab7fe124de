package org.muster.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far, for benchmarks: by this JVM, by each group of its threads, and by the
 * test stack's PostgreSQL. Unlike elapsed time, it hardly changes with what else the machine runs.
 *
 * @param jvmMillis    this process
 * @param postgresMillis the postmaster of {@link TestStack#postgres()} and its backends
 * @param threadMillis per group of live threads: a thread's name with its numbers as {@code #}
 *                     ({@code vert.x-eventloop-thread-#}); a thread that ended is in no group
 */
public record CpuTime(long jvmMillis, long postgresMillis, Map<String, Long> threadMillis) {

    public static CpuTime now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        return new CpuTime(jvm, postgresNow(), threadsNow());
    }

    /** What was used since {@code earlier}; a thread group that started since counts whole. */
    public CpuTime minus(CpuTime earlier) {
        Map<String, Long> threads = new HashMap<>();
        threadMillis.forEach((group, millis) -> threads.put(group, millis - earlier.threadMillis.getOrDefault(group, 0L)));
        return new CpuTime(jvmMillis - earlier.jvmMillis, postgresMillis - earlier.postgresMillis, threads);
    }

    /** One thread group's milliseconds; 0 when it has no live thread. */
    public long of(String group) {
        return threadMillis.getOrDefault(group, 0L);
    }

    /** The {@code n} groups that used the most, most first. */
    public Map<String, Long> top(int n) {
        Map<String, Long> top = new LinkedHashMap<>();
        threadMillis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static Map<String, Long> threadsNow() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long nanos = threads.getThreadCpuTime(t.getId());
            if (nanos > 0) {
                groups.merge(t.getName().replaceAll("\\d+", "#"), nanos / 1_000_000, Long::sum);
            }
        }
        return groups;
    }

    private static long postgresNow() {
        // The postmaster runs detached (its parent is init): find it by its port, then its backends.
        String port = "-p " + TestStack.postgres().port() + " ";
        long ticks = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("/postgres ") && c.contains(port)).orElse(false))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> ticksOf(p.pid())).sum();
        return ticks * 1000 / 100;
    }

    /** utime + stime from /proc/<pid>/stat, in clock ticks (100 per second on Linux). */
    private static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
