package org.pactsim.memory.reference;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.memory.TilePipeline;

/**
 * The double-buffered tile pipeline of {@link TilePipeline}, stepped one clock cycle at a time:
 * a DRAM channel that delivers {@code 8 * bytesPerCycle} bits in every cycle to the transfers
 * it has started, in their fixed order, and an array that computes one tile at a time and
 * waits (a stall cycle) while its tile's loads have not arrived. It shares with the fast form
 * only the list of tiles ({@link TilePipeline#walk}: bits and compute cycles per tile); the
 * timing is found by running the machine, not by the recurrence, so the two can be compared.
 *
 * <p>At each cycle boundary {@code c}, until nothing changes: transfers whose bits the channel
 * has delivered by {@code c} complete (their data is usable in cycle {@code c}); a tile whose
 * compute cycles are over finishes, which frees its buffer halves (the write-back of its output
 * and the loads of the tile two ahead become ready); the next tile starts when its loads are
 * complete and the array is free; the next transfer in order joins the channel when it is
 * ready (behind the one in flight, or starting a new busy period at {@code c}). Then cycle
 * {@code c} runs: a compute cycle or, while the array waits for data, a stall cycle.
 * Small cases only: cost O(cycles + tiles).
 */
public final class SteppedPipeline {
    /** Cycles of the run, and how many of them the array computed or stalled. */
    public record Result(long cycles, long computeCycles, long stallCycles, long trafficBits) {
    }

    private SteppedPipeline() {
    }

    private static final long NOT_READY = Long.MAX_VALUE;

    public static Result run(TilePipeline.Plan plan, double bytesPerCycle, long maxCycles) {
        List<long[]> tiles = new ArrayList<>();
        TilePipeline.walk(plan, (load, write, compute) -> tiles.add(new long[] {load, write, compute}));
        int n = tiles.size();
        // Transfers in channel order: L0, L1, W0, L2, W1, ..., W(n-2), W(n-1).
        int count = 2 * n;
        long[] bits = new long[count];
        long[] ready = new long[count];
        int[] loadSlot = new int[n];
        int[] writeSlot = new int[n];
        int s = 0;
        for (int t = 0; t < n; t++) {
            if (t >= 2) {
                writeSlot[t - 2] = s;
                bits[s++] = tiles.get(t - 2)[1];
            }
            loadSlot[t] = s;
            bits[s++] = tiles.get(t)[0];
        }
        for (int t = Math.max(0, n - 2); t < n; t++) {
            writeSlot[t] = s;
            bits[s++] = tiles.get(t)[1];
        }
        java.util.Arrays.fill(ready, NOT_READY);
        if (n > 0) {
            ready[loadSlot[0]] = 0;
        }
        long latency = plan.latencyCycles();
        if (n > 1) {
            ready[loadSlot[1]] = 0;
        }
        double b8 = 8 * bytesPerCycle;
        boolean unlimited = Double.isInfinite(b8);
        boolean[] done = new boolean[count];
        long[] target = new long[count];
        int joined = 0;
        int pending = 0;
        long busyStart = 0;
        int tile = 0;
        boolean running = false;
        long left = 0;
        long compute = 0;
        long stalls = 0;
        long traffic = 0;
        for (long[] t : tiles) {
            traffic += t[0] + t[1];
        }
        for (long c = 0; ; c++) {
            if (c > maxCycles) {
                throw new IllegalStateException("pipeline did not finish in " + maxCycles + " cycles");
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                while (pending < joined && c >= busyStart
                        && (unlimited || Math.fma((double) (c - busyStart), b8, -(double) target[pending]) >= 0)) {
                    done[pending++] = true;
                    changed = true;
                }
                if (running && left == 0) {
                    running = false;
                    ready[writeSlot[tile]] = c;
                    if (tile + 2 < n) {
                        ready[loadSlot[tile + 2]] = c;
                    }
                    tile++;
                    changed = true;
                }
                if (!running && tile < n && done[loadSlot[tile]]) {
                    running = true;
                    left = tiles.get(tile)[2];
                    changed = true;
                }
                if (joined < count && ready[joined] <= c) {
                    boolean busy = joined > 0 && !done[joined - 1];
                    if (busy) {
                        target[joined] = target[joined - 1] + bits[joined];
                    } else {
                        // an idle channel: the request's latency passes before its data flows
                        busyStart = bits[joined] == 0 ? c : c + latency;
                        target[joined] = bits[joined];
                    }
                    joined++;
                    changed = true;
                }
            }
            if (tile == n && joined == count && done[count - 1]) {
                return new Result(c, compute, stalls, traffic);
            }
            if (running) {
                left--;
                compute++;
            } else {
                stalls++;
            }
        }
    }
}
