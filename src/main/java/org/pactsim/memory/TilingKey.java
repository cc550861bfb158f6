package org.pactsim.memory;

/**
 * What a tiling depends on: the operands, the capacity left, resident operands, and whether the
 * bandwidth is limited (the search's choice does not depend on how much).
 */
record TilingKey(GemmOperands ops, Capacity cap, long aRes, long bRes, boolean unlimited) {
}
