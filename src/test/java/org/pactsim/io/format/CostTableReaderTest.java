package org.pactsim.io.format;

import org.pactsim.io.InputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cost.Basis;
import org.pactsim.cost.CostTables;
import org.pactsim.cost.TableKind;

class CostTableReaderTest {
    private static final String HEAD = "# schema: pactsim/cost/1\n";
    private static final String DRAM = "# table: dram\ntype,energyPjPerBit,basis,derivation,source\n";

    private static CostTables.Partial parse(String text) {
        return CostTableReader.parse(text, "t.csv");
    }

    private static void fails(String text, String... parts) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InputException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n");
                    for (String p : parts) {
                        assertThat(e.getMessage()).contains(p);
                    }
                });
    }

    @Test
    void readsTheShippedTablesCompletely() {
        CostTables.Partial p = CostTableReader.parse(CostTableReader.defaultText(), "default-tables.csv");
        assertThat(p.complete()).isTrue();
        CostTables t = CostTableReader.defaults();
        assertThat(t.mac().rows()).hasSizeGreaterThanOrEqualTo(17);
        assertThat(t.tech().nodesText()).contains("65 nm", "45 nm", "28 nm", "16 nm", "14 nm", "7 nm");
        assertThat(t.dram().rows()).extracting(r -> r.type()).contains("hbm2", "lpddr4", "ddr4", "gddr5", "ddr3");
        assertThat(t.mac().rows().get(0).provenance().where()).matches("default-tables\\.csv:\\d+");
        for (TableKind k : TableKind.values()) {
            assertThat(CostTableReader.defaultText()).contains("# table: " + k.key());
        }
    }

    @Test
    void aUserFileReplacesOnlyTheTablesItHolds(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.csv");
        Files.writeString(f, HEAD + "# my DRAM\n" + DRAM
                + "lpddr4, 5.5 ,measured,,\"my lab, 2024\"\n"
                + "hbm3,2.5,assumed,a guess,\"vendor slides\"\n");
        CostTables t = CostTableReader.read(List.of(f));
        assertThat(t.dram().rows()).hasSize(2);
        assertThat(t.dram().row("lpddr4").energyPjPerBit()).isEqualTo(5.5);
        assertThat(t.dram().row("lpddr4").provenance().source()).isEqualTo("my lab, 2024");
        assertThat(t.dram().row("hbm3").provenance().where()).isEqualTo(f + ":6");
        assertThat(t.dram().row("hbm3").provenance().basis()).isEqualTo(Basis.ASSUMED);
        assertThat(t.mac()).isSameAs(CostTableReader.defaults().mac());
        assertThat(t.tech()).isSameAs(CostTableReader.defaults().tech());
    }

    @Test
    void columnsMayComeInAnyOrder() {
        CostTables.Partial p = parse(HEAD + "# table: tech\nsource,nodeNm,energyFactor,areaFactor,derivation,basis\n"
                + "me,45,1,1,,published\nme,7,0.1,0.05,,published\n");
        assertThat(p.tech().row(7).areaFactor()).isEqualTo(0.05);
        assertThat(p.dram()).isNull();
        assertThat(p.complete()).isFalse();
    }

    @Test
    void errorsNameTheFileLineAndColumn() {
        fails("schema: pactsim/cost/1\n", "t.csv:1", "# schema: pactsim/cost/1");
        fails("# schema: pactsim/cost/2\n" + DRAM, "t.csv:1");
        fails("", "t.csv", "an empty file");
        fails(HEAD, "at least one '# table: KIND' section");
        fails(HEAD + "type,energyPjPerBit\n", "t.csv:2", "'# table: KIND' line");
        fails(HEAD + "# table: dram2\n", "t.csv:2", "did you mean dram");
        fails(HEAD + "# table: dram\ntype,energyPjPerBt,basis,derivation,source\n", "t.csv:3",
                "column \"energyPjPerBt\"", "did you mean energyPjPerBit");
        fails(HEAD + "# table: dram\ntype,basis,derivation,source\n", "t.csv:3", "column energyPjPerBit", "missing");
        fails(HEAD + "# table: dram\ntype,type,energyPjPerBit,basis,derivation,source\n", "t.csv:3", "a duplicate");
        fails(HEAD + DRAM + "ddr4,lots,measured,,me\n", "t.csv:4", "column energyPjPerBit", "a number", "\"lots\"");
        fails(HEAD + DRAM + "ddr4,-3,measured,,me\n", "t.csv:4", "column energyPjPerBit", "> 0");
        fails(HEAD + DRAM + "ddr4,NaN,measured,,me\n", "t.csv:4", "column energyPjPerBit");
        fails(HEAD + DRAM + "ddr4,3,measured,,\n", "t.csv:4", "column source", "a source for every row");
        fails(HEAD + DRAM + "ddr4,3,derived,,me\n", "t.csv:4", "column derivation");
        fails(HEAD + DRAM + "ddr4,3,guessed,,me\n", "t.csv:4", "column basis", "\"guessed\"");
        fails(HEAD + DRAM + "ddr4,3,measured,me\n", "t.csv:4", "5 fields");
        fails(HEAD + DRAM + "ddr4,3,measured,,\"me\n", "t.csv:4", "closed quotes");
        fails(HEAD + DRAM + "ddr4,3,measured,,a\nddr4,4,measured,,b\n", "t.csv:2", "table dram", "each type once");
        fails(HEAD + DRAM + "ddr4,3,measured,,a\n" + DRAM + "x,1,measured,,a\n", "t.csv:5", "each table once");
        fails(HEAD + DRAM + "# table: tech\nnodeNm,areaFactor,energyFactor,basis,derivation,source\n", "t.csv:2",
                "no rows");
        fails(HEAD + "# table: mac\nmode,precision,areaUm2,energyPjPerPeCycle,nodeNm,basis,derivation,source\n"
                + "fixed,int99,1,1,45,measured,,me\n", "t.csv:4", "column precision", "int1..int32");
        fails(HEAD + "# table: mac\nmode,precision,areaUm2,energyPjPerPeCycle,nodeNm,basis,derivation,source\n"
                + "serial,int8,1,1,45,measured,,me\n", "t.csv:4", "column mode", "bit-serial");
        fails(HEAD + "# table: mac\nmode,precision,areaUm2,energyPjPerPeCycle,nodeNm,basis,derivation,source\n"
                + "fixed,int8,1,1,4500,measured,,me\n", "t.csv:4", "column nodeNm");
        fails(HEAD + "# table: mac-fit\nquantity,k2,k1,k0,nodeNm,basis,derivation,source\n"
                + "areaUm2,-1,2,3,45,fitted,f,me\nenergyPjPerPeCycle,1,2,3,45,fitted,f,me\n", "t.csv:4", "column k2",
                "cost grows with bits");
        fails(HEAD + "# table: mac-fit\nquantity,k2,k1,k0,nodeNm,basis,derivation,source\n"
                + "areaUm2,1,2,3,45,fitted,f,me\n", "t.csv:2", "energyPjPerPeCycle row");
        fails(HEAD + "# table: params\nname,value,unit,basis,derivation,source\n"
                + "otherAreaFraction,0.2,percent,assumed,x,me\n", "t.csv:4", "column unit", "fraction");
        fails(HEAD + "# table: params\nname,value,unit,basis,derivation,source\n"
                + "sramLayoutFactor,1.2,factor,assumed,x,me\n", "t.csv:2", "otherAreaFraction");
        fails(HEAD + "# table: params\nname,value,unit,basis,derivation,source\n"
                + "otherAreaFraction,0.2,fraction,assumed,x,me\npePartsModel,0.5,boolean,assumed,x,me\n", "t.csv:5",
                "0 (mac row) or 1 (parts)");
        fails(HEAD + "# table: leakage\ncomponent,flavour,leakageMwPerMm2,nodeNm,basis,derivation,source\n"
                + "logic,lp,1,45,measured,,me\nsram,any,1,45,measured,,me\n", "t.csv:2", "a row for logic hp");
        fails(HEAD + "# table: leakage\ncomponent,flavour,leakageMwPerMm2,nodeNm,basis,derivation,source\n"
                + "logic,mp,1,45,measured,,me\n", "t.csv:4", "column flavour", "lp, hp, any");
        fails(HEAD + "# table: part\npart,quantity,k2,k1,k0,nodeNm,basis,derivation,source\n"
                + "adder,areaUm2,0,1,0,45,measured,,me\n", "t.csv:4", "column part", "int-adder");
        fails(HEAD + "# table: part\npart,quantity,k2,k1,k0,nodeNm,basis,derivation,source\n"
                + "wire,areaUm2,0,0,1,45,measured,,me\n", "t.csv:4", "energyPj only for the wire");
        fails(HEAD + "# table: part\npart,quantity,k2,k1,k0,nodeNm,basis,derivation,source\n"
                + "register,areaUm2,0,5,0,45,measured,,me\n", "t.csv:2", "a row for int-multiplier areaUm2");
        fails(HEAD + "# table: leakage\ncomponent,leakageMwPerMm2,nodeNm,basis,derivation,source\n"
                + "logic,1,45,measured,,me\n", "t.csv:2", "a row for sram");
    }

    @Test
    void aMissingUserFileIsAnInputError(@TempDir Path dir) {
        assertThatThrownBy(() -> CostTableReader.read(List.of(dir.resolve("nope.csv"))))
                .isInstanceOf(InputException.class).hasMessageContaining("no such file");
    }
}
