package org.pactsim.cost;

import java.nio.file.Path;
import org.pactsim.io.InputFiles;
import org.pactsim.io.format.CostTableReader;

/**
 * The version 1 cost tables ({@code arch-configs/cost/v1-tables.csv}: the bare-MAC PE, the SRAM
 * power law, one leakage corner), which the tests of those rules price with.
 */
public final class V1Tables {
    public static final Path FILE = Path.of("arch-configs", "cost", "v1-tables.csv");
    public static final CostTables T = CostTableReader.complete(
            CostTableReader.parse(InputFiles.read(FILE), FILE.toString()), FILE.toString());

    private V1Tables() {
    }
}
