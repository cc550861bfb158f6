package org.pactsim.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pactsim.spec.Precision;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * What a layer (or a whole inference) did, as counts only, for {@link CostModel} to price:
 * MACs by the layer's precision, SRAM bits read and written per operand and buffer capacity,
 * DRAM bits, PE-cycles in which a PE did no MAC, cycles, and the clock they ran at. Counts are
 * exact longs; {@link #plus} is overflow-checked.
 *
 * @param macs          multiply-accumulates by operand precision (of the layer, not the PE)
 * @param sram          SRAM traffic, one entry per (operand, capacity)
 * @param dramReadBits  bits read from DRAM
 * @param dramWriteBits bits written to DRAM
 * @param idlePeCycles  PE-cycles without a MAC (counted for reports; clock gating is assumed,
 *                      so they cost only leakage)
 * @param cycles        cycles of the busiest core
 * @param clockMhz      clock the cycles ran at
 * @param vectorOps     element operations on the vector units (a non-GEMM layer's work; one per
 *                      output of a GEMM layer, which passes the activation pipeline)
 * @param nocBits       bits moved between cores on the on-chip network (the partial sums of a
 *                      reduction split)
 */
public record ActionCounts(Map<Precision, Long> macs, List<SramTraffic> sram, long dramReadBits,
                           long dramWriteBits, long idlePeCycles, long cycles, double clockMhz, long vectorOps,
                           long nocBits) {

    /** Counts without vector-unit or network work (results written before issue 19 kept none). */
    public ActionCounts(Map<Precision, Long> macs, List<SramTraffic> sram, long dramReadBits, long dramWriteBits,
                        long idlePeCycles, long cycles, double clockMhz) {
        this(macs, sram, dramReadBits, dramWriteBits, idlePeCycles, cycles, clockMhz, 0, 0);
    }

    /** These counts with the on-chip network's bits set. */
    public ActionCounts withNocBits(long bits) {
        return new ActionCounts(macs, sram, dramReadBits, dramWriteBits, idlePeCycles, cycles, clockMhz, vectorOps,
                bits);
    }

    /**
     * The operand an SRAM access moves: inputs, weights, outputs, and the partial sums when the
     * core has an accumulator SRAM of its own ({@code sram.accumulatorKiB}; without it they are
     * ofmap traffic).
     */
    public enum Operand {
        IFMAP, FILTER, OFMAP, PSUM;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Bits read from and written to the {@code capacityBytes} buffer holding {@code operand}. */
    public record SramTraffic(Operand operand, long capacityBytes, long readBits, long writeBits) {
        public SramTraffic {
            new Violations()
                    .check(operand != null, "operand", "ifmap, filter or ofmap", "nothing")
                    .atLeast("capacityBytes", capacityBytes, 1)
                    .atLeast("readBits", readBits, 0)
                    .atLeast("writeBits", writeBits, 0)
                    .throwIfAny();
        }
    }

    public ActionCounts {
        Violations v = new Violations()
                .atLeast("dramReadBits", dramReadBits, 0)
                .atLeast("dramWriteBits", dramWriteBits, 0)
                .atLeast("idlePeCycles", idlePeCycles, 0)
                .atLeast("cycles", cycles, 0)
                .atLeast("vectorOps", vectorOps, 0)
                .atLeast("nocBits", nocBits, 0)
                .finitePositive("clockMhz", clockMhz);
        Map<String, Precision> byKey = new TreeMap<>();
        for (Map.Entry<Precision, Long> e : macs.entrySet()) {
            v.check(e.getValue() != null && e.getValue() >= 0, "macs." + e.getKey().key(), ">= 0",
                    String.valueOf(e.getValue()));
            byKey.put(e.getKey().key(), e.getKey());
        }
        v.throwIfAny();
        if (macs.size() == 1) {
            // the common case, kept small (a run of 10^5 layers keeps 10^5 of these)
            Map.Entry<Precision, Long> e = macs.entrySet().iterator().next();
            macs = Map.of(e.getKey(), e.getValue());
        } else {
            Map<Precision, Long> sorted = new LinkedHashMap<>();
            for (Precision p : byKey.values()) {
                sorted.put(p, macs.get(p));
            }
            macs = java.util.Collections.unmodifiableMap(sorted);
        }
        List<SramTraffic> s = new ArrayList<>(sram);
        Comparator<SramTraffic> order = Comparator.comparing((SramTraffic t) -> t.operand())
                .thenComparingLong(SramTraffic::capacityBytes);
        boolean sortedAlready = true;
        for (int i = 1; i < s.size(); i++) {
            sortedAlready &= order.compare(s.get(i - 1), s.get(i)) < 0;
        }
        s.sort(order);
        for (int i = 1; i < s.size(); i++) {
            if (s.get(i).operand() == s.get(i - 1).operand() && s.get(i).capacityBytes() == s.get(i - 1).capacityBytes()) {
                throw new SpecException("sram", "one entry per operand and capacity",
                        s.get(i).operand().key() + " at " + s.get(i).capacityBytes() + " B twice");
            }
        }
        // List.copyOf of a list it made returns that list: counts derived from others share it
        sram = sortedAlready ? List.copyOf(sram) : List.copyOf(s);
    }

    /** All MACs, of every precision. */
    public long macCount() {
        long n = 0;
        for (long m : macs.values()) {
            n = Math.addExact(n, m);
        }
        return n;
    }

    public long sramReadBits() {
        long n = 0;
        for (SramTraffic t : sram) {
            n = Math.addExact(n, t.readBits());
        }
        return n;
    }

    public long sramWriteBits() {
        long n = 0;
        for (SramTraffic t : sram) {
            n = Math.addExact(n, t.writeBits());
        }
        return n;
    }

    /** Wall time of these cycles at the clock. */
    public double seconds() {
        return cycles / (clockMhz * 1e6);
    }

    /** Both counts together (layers run one after another); the clocks must agree. */
    public ActionCounts plus(ActionCounts o) {
        if (Double.compare(clockMhz, o.clockMhz) != 0) {
            throw new SpecException("clockMhz", "the same clock in both counts (" + clockMhz + ")",
                    Double.toString(o.clockMhz));
        }
        Map<Precision, Long> m = new LinkedHashMap<>(macs);
        o.macs.forEach((p, n) -> m.merge(p, n, Math::addExact));
        Map<String, SramTraffic> s = new LinkedHashMap<>();
        for (SramTraffic t : sram) {
            s.put(t.operand() + "@" + t.capacityBytes(), t);
        }
        for (SramTraffic t : o.sram) {
            s.merge(t.operand() + "@" + t.capacityBytes(), t, (a, b) -> new SramTraffic(a.operand(), a.capacityBytes(),
                    Math.addExact(a.readBits(), b.readBits()), Math.addExact(a.writeBits(), b.writeBits())));
        }
        return new ActionCounts(m, new ArrayList<>(s.values()), Math.addExact(dramReadBits, o.dramReadBits),
                Math.addExact(dramWriteBits, o.dramWriteBits), Math.addExact(idlePeCycles, o.idlePeCycles),
                Math.addExact(cycles, o.cycles), clockMhz, Math.addExact(vectorOps, o.vectorOps),
                Math.addExact(nocBits, o.nocBits));
    }

    /** One SRAM buffer: an operand at a capacity. */
    private record BufferKey(Operand operand, long capacityBytes) {
    }

    /** The sum of a non-empty list of counts. */
    public static ActionCounts sum(List<ActionCounts> all) {
        if (all.isEmpty()) {
            throw new SpecException("counts", "at least one", "none");
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        // accumulated in place, one record at the end: as a chain of plus(), without a record per layer
        double clock = all.get(0).clockMhz;
        Map<Precision, Long> m = new LinkedHashMap<>();
        Map<BufferKey, long[]> s = new LinkedHashMap<>();
        Map<BufferKey, SramTraffic> first = new LinkedHashMap<>();
        long dr = 0;
        long dw = 0;
        long idle = 0;
        long cyc = 0;
        long vec = 0;
        long noc = 0;
        for (ActionCounts c : all) {
            if (Double.compare(clock, c.clockMhz) != 0) {
                throw new SpecException("clockMhz", "the same clock in both counts (" + clock + ")",
                        Double.toString(c.clockMhz));
            }
            c.macs.forEach((p, n) -> m.merge(p, n, Math::addExact));
            for (SramTraffic t : c.sram) {
                BufferKey k = new BufferKey(t.operand(), t.capacityBytes());
                first.putIfAbsent(k, t);
                long[] rw = s.computeIfAbsent(k, x -> new long[2]);
                rw[0] = Math.addExact(rw[0], t.readBits());
                rw[1] = Math.addExact(rw[1], t.writeBits());
            }
            dr = Math.addExact(dr, c.dramReadBits);
            dw = Math.addExact(dw, c.dramWriteBits);
            idle = Math.addExact(idle, c.idlePeCycles);
            cyc = Math.addExact(cyc, c.cycles);
            vec = Math.addExact(vec, c.vectorOps);
            noc = Math.addExact(noc, c.nocBits);
        }
        List<SramTraffic> sram = new ArrayList<>();
        for (Map.Entry<BufferKey, SramTraffic> e : first.entrySet()) {
            long[] rw = s.get(e.getKey());
            sram.add(new SramTraffic(e.getValue().operand(), e.getValue().capacityBytes(), rw[0], rw[1]));
        }
        return new ActionCounts(m, sram, dr, dw, idle, cyc, clock, vec, noc);
    }
}
