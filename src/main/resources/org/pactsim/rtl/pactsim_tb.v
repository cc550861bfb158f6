// pactsim synchronous testbench. Part of pactsim; see docs/rtl.md.
//
// Replays stimulus.hex (one word per line, NW words per cycle: ROWS left lanes, COLS top
// lanes, COLS partial-sum lanes, one control word) into registers on every rising edge, and
// compares every output word, with the cycle it appears in, against expected.hex (one word per
// output, in cycle then column order: {cycle[31:0], column[15:0], value[ACCW-1:0]}).
// Prints one PACTSIM-RTL line per finding and a final summary.
`timescale 1ns/1ps
module pactsim_tb;
`include "tb_params.vh"
    localparam NW = ROWS + 2 * COLS + 1;
    localparam SW = DW + 2;
    localparam EW = 48 + ACCW;

    reg clk = 1'b0;
    reg rst = 1'b1;
    reg [SW-1:0] stim [0:NCYC*NW-1];
    reg [EW-1:0] expd [0:NEXP];
    reg [SW-1:0] w [0:NW-1];
    integer cyc, nxt, k, j, ptr, ok, bad, last, seen;
    reg [EW-1:0] e;
    reg [ACCW-1:0] got;

    wire [ROWS*LW-1:0] l_d;
    wire [ROWS-1:0] l_v, l_l;
    wire [COLS*TW-1:0] t_d;
    wire [COLS-1:0] t_v, drn, ps_v;
    wire [COLS*ACCW-1:0] ps_d, o_d;
    wire [COLS-1:0] o_v;
    wire swp = w[NW-1][0];
    wire ld = w[NW-1][1];

    genvar g;
    generate
        for (g = 0; g < ROWS; g = g + 1) begin : lw
            assign l_d[g*LW +: LW] = w[g][LW-1:0];
            assign l_v[g] = w[g][DW];
            assign l_l[g] = w[g][DW+1];
        end
        for (g = 0; g < COLS; g = g + 1) begin : cw
            assign t_d[g*TW +: TW] = w[ROWS + g][TW-1:0];
            assign t_v[g] = w[ROWS + g][DW];
            assign drn[g] = w[ROWS + g][DW+1];
            assign ps_d[g*ACCW +: ACCW] = w[ROWS + COLS + g][ACCW-1:0];
            assign ps_v[g] = w[ROWS + COLS + g][DW];
        end
    endgenerate

    pactsim_array #(.ROWS(ROWS), .COLS(COLS), .LW(LW), .TW(TW), .ACCW(ACCW), .LM(LM), .OS(OS), .DRAIN(DRAIN), .PIPE(PIPE))
        dut (.clk(clk), .rst(rst), .l_d(l_d), .l_v(l_v), .l_l(l_l), .t_d(t_d), .t_v(t_v),
             .ps_d(ps_d), .ps_v(ps_v), .ld(ld), .swp(swp), .drn(drn), .o_d(o_d), .o_v(o_v));

    initial begin
        $readmemh("stimulus.hex", stim);
        $readmemh("expected.hex", expd);
        for (k = 0; k < NW; k = k + 1) w[k] = 0;
        cyc = -1; ptr = 0; ok = 0; bad = 0; last = -1; seen = 0;
    end

    always #5 clk = ~clk;

    task miss;
        begin
            if (bad == 0)
                $display("PACTSIM-RTL first cycle=%0d col=%0d got=none expected=%h", e[EW-1:16+ACCW],
                         e[15+ACCW:ACCW], e[ACCW-1:0]);
            bad = bad + 1;
        end
    endtask

    always @(posedge clk) begin
        if (cyc >= 0) begin
            for (j = 0; j < COLS; j = j + 1) begin
                if (o_v[j]) begin
                    seen = seen + 1;
                    last = cyc;
                    got = o_d[j*ACCW +: ACCW];
                    e = expd[ptr];
                    while (ptr < NEXP && (e[EW-1:16+ACCW] < cyc
                            || (e[EW-1:16+ACCW] == cyc && e[15+ACCW:ACCW] < j))) begin
                        miss;
                        ptr = ptr + 1;
                        e = expd[ptr];
                    end
                    if (ptr < NEXP && e[EW-1:16+ACCW] == cyc && e[15+ACCW:ACCW] == j) begin
                        if (e[ACCW-1:0] == got) begin
                            ok = ok + 1;
                        end else begin
                            if (bad == 0)
                                $display("PACTSIM-RTL first cycle=%0d col=%0d got=%h expected=%h", cyc, j, got,
                                         e[ACCW-1:0]);
                            bad = bad + 1;
                        end
                        ptr = ptr + 1;
                    end else begin
                        if (bad == 0)
                            $display("PACTSIM-RTL first cycle=%0d col=%0d got=%h expected=none", cyc, j, got);
                        bad = bad + 1;
                    end
                end
            end
            e = expd[ptr];
            while (ptr < NEXP && e[EW-1:16+ACCW] < cyc) begin
                miss;
                ptr = ptr + 1;
                e = expd[ptr];
            end
        end
        if (cyc == NCYC - 1) begin
            while (ptr < NEXP) begin
                e = expd[ptr];
                miss;
                ptr = ptr + 1;
            end
            $display("PACTSIM-RTL done expected=%0d outputs=%0d ok=%0d mismatches=%0d last_cycle=%0d", NEXP, seen, ok,
                     bad, last);
            $finish;
        end
        rst <= 1'b0;
        nxt = cyc + 1;
        for (k = 0; k < NW; k = k + 1)
            w[k] <= (nxt < NCYC) ? stim[nxt*NW + k] : {SW{1'b0}};
        cyc <= nxt;
    end
endmodule
