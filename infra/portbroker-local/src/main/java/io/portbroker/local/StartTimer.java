package io.portbroker.local;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a local start spends its time: {@link #mark} closes a phase, {@link #summary} prints the phases since the
 * JVM started (the first phase, {@code jvm}, is the time before {@code main}), for the "listening" line.
 */
final class StartTimer {
    private final List<String> phases = new ArrayList<>();
    private long last;

    StartTimer() {
        long now = System.nanoTime();
        long sinceJvmStartMs = Math.max(
                0,
                System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime());
        phases.add("jvm " + sinceJvmStartMs + " ms");
        last = now;
    }

    /** Ends the current phase under {@code name}. */
    void mark(String name) {
        long now = System.nanoTime();
        phases.add(name + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    /** The phases so far, e.g. {@code jvm 410 ms, context 1200 ms, tables 300 ms}. */
    String summary() {
        return String.join(", ", phases);
    }
}
