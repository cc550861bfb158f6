package org.pactsim.engine;

/**
 * One operand's DRAM traffic as SCALE-Sim reports it: the cycle of its first request, the cycle
 * after its last, and the words moved.
 */
record DramWindow(long start, long stop, long words) {
    static final DramWindow NONE = new DramWindow(0, 0, 0);
}
