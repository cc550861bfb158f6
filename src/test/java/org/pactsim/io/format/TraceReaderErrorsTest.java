package org.pactsim.io.format;

import org.pactsim.io.InputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.spec.NumberType;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/** The trace format stays strict: every bad input is one FILE:LINE message. */
class TraceReaderErrorsTest {
    @TempDir
    Path dir;

    private static final String HEAD = "name,type,inputs,batch,inH,inW,inC,outC,kH,kW,strideH,padH,groups,bias,"
            + "m,n,k,learned,weightBits,activationBits,outputBits,numberType\n";

    Path csv(String body) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, HEAD + body);
        return f;
    }

    String error(Path f) {
        return assertThatThrownBy(() -> TraceReader.read(f, null)).isInstanceOf(InputException.class)
                .actual().getMessage();
    }

    @Test
    void readsTheNewColumnsAndTypes() throws Exception {
        Network n = TraceReader.read(csv(
                "c,conv,,1,8,8,3,4,3,3,1,1,1,true,,,,,8,8,8,int\n"
                + "r,relu,,1,8,8,4,,,,,,,,,,,,,8,4,int\n"
                + "p,maxpool,,1,8,8,4,,2,2,2,0,,,,,,,,4,4,int\n"
                + "a,add,c;r,1,8,8,4,,,,,,,,,,,,,8,8,int\n"
                + "f,fc,,,,,128,10,,,,,,false,2,,,,16,16,16,float\n"), null); // 2 rows of 128: a's 256
        assertThat(n.layers()).hasSize(5);
        assertThat(((ConvLayer) n.layers().get(0)).bias()).isTrue();
        assertThat(((VectorLayer) n.layers().get(1)).op()).isEqualTo(VectorOp.RELU);
        assertThat(n.layers().get(1).bits().output()).isEqualTo(4);
        assertThat(n.layers().get(3).inputs()).containsExactly("c", "r");
        MatMulLayer f = (MatMulLayer) n.layers().get(4);
        assertThat(f.m()).isEqualTo(2);
        assertThat(f.bits().type()).isEqualTo(NumberType.FLOAT);
    }

    @Test
    void unknownColumnNamesTheHeaderLine() throws Exception {
        Path f = dir.resolve("u.csv");
        Files.writeString(f, "# comment\nname,type,lanes\nx,relu,4\n");
        assertThat(error(f)).startsWith(f + ":2: column \"lanes\": expected a known column");
    }

    @Test
    void aColumnThatMeansNothingForTheTypeIsRefused() throws Exception {
        Path f = csv("c,conv,,1,8,8,3,4,3,3,1,1,1,true,,,,,8,8,8,int\nr,relu,,1,8,8,4,,3,,,,,,,,,,,8,8,int\n");
        assertThat(error(f)).isEqualTo(f + ":3: layer 2.kH: expected no kH on a relu layer, found \"3\"");
    }

    @Test
    void weightBitsOnAVectorLayerIsRefused() throws Exception {
        Path f = csv("r,gelu,,1,8,8,4,,,,,,,,,,,,4,8,8,int\n");
        assertThat(error(f)).isEqualTo(f + ":2: layer 1.weightBits: expected no weightBits on a gelu layer, found \"4\"");
    }

    @Test
    void badBooleanNumberTypeAndFloatWidth() throws Exception {
        Path b = csv("c,conv,,1,8,8,3,4,3,3,1,1,1,yes,,,,,8,8,8,int\n");
        assertThat(error(b)).isEqualTo(b + ":2: layer 1.bias: expected true or false, found the text \"yes\"");
        Path t = csv("c,conv,,1,8,8,3,4,3,3,1,1,1,true,,,,,8,8,8,fixed\n");
        assertThat(error(t)).startsWith(t + ":2: layer 1.numberType: expected one of int, float");
        Path w = csv("c,conv,,1,8,8,3,4,3,3,1,1,1,true,,,,,4,4,4,float\n");
        assertThat(error(w)).contains(":2: ").contains("8, 16 or 32 for a float layer");
    }

    @Test
    void addNeedsASecondOperand() throws Exception {
        Path f = csv("r,relu,,1,8,8,4,,,,,,,,,,,,,8,8,int\na,add,r,1,8,8,4,,,,,,,,,,,,,8,8,int\n");
        assertThat(error(f)).startsWith(f + ":3: ").contains("learned").contains("two inputs");
    }

    @Test
    void unknownTypeListsTheVectorOps() throws Exception {
        Path f = csv("x,sigmoid,,1,8,8,4,,,,,,,,,,,,,8,8,int\n");
        assertThat(error(f)).startsWith(f + ":2: layer 1.type: expected one of conv, dwconv, fc, matmul, maxpool");
    }

    @Test
    void yamlErrorsNameTheLine() throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, "schema: pactsim/trace/1\nname: t\nlayers:\n"
                + "  - {name: a, type: relu, batch: 1, inH: 2, inW: 2, inC: 2}\n"
                + "  - {name: b, type: softmax, batch: 1, inH: 2, inW: 2, inC: 2, learned: 4}\n");
        assertThat(error(f)).startsWith(f + ":5: layers[1].learned: expected no learned on a softmax layer");
    }

    @Test
    void scaleSimTopologiesStillSayTheyAssume8Bits() throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, "
                + "Num Filter, Strides,\nConv1, 9, 9, 3, 3, 4, 8, 1,\n");
        Network n = TraceReader.read(f, null);
        assertThat(n.notes()).anySatisfy(s -> assertThat(s).contains("8-bit"));
        assertThat(n.layers().get(0).bits().weight()).isEqualTo(8);
    }
}
