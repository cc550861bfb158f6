package org.pactsim.engine.reference;

/** Running totals of what one core's array did: MACs and SRAM accesses in words. */
final class Counts {
    long macs;
    long ifmapReads;
    long filterReads;
    long ofmapReads;
    long ofmapWrites;
    long stalls;
    long cycles;

    void add(Counts o) {
        macs += o.macs;
        ifmapReads += o.ifmapReads;
        filterReads += o.filterReads;
        ofmapReads += o.ofmapReads;
        ofmapWrites += o.ofmapWrites;
        stalls += o.stalls;
        cycles = Math.max(cycles, o.cycles);
    }
}
