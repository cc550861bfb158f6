// pactsim systolic-array core (Verilog-2005, synthesizable). Part of pactsim; see docs/rtl.md.
//
// ROWS x COLS PEs. OS = 1: output stationary (pactsim_pe_os); OS = 0: weight or input
// stationary (pactsim_pe_st; WS and IS differ only in which operand is stationary); with
// PIPE = 1 the WS/IS folds overlap (pactsim_pe_pl: the switch travels with the data).
//   l_d/l_v/l_l  left edge, per row: streamed operand (LW bits), valid, last-slot flag (OS) or
//                first-slot flag (PIPE: the fold switch)
//   t_d/t_v      top edge, per column: OS the streamed top operand, WS/IS the preload (TW bits)
//   ps_d/ps_v    top edge, per column (WS/IS): partial sums entering the column
//   ld           WS/IS: shift the preload chains one row down
//   swp          fold switch: WS/IS shadow to working registers; OS (DRAIN = 0) accumulators
//                to shadow registers
//   drn          OS, per column: shift the column's shadow chain, writing its bottom;
//                PIPE, per column: stop the column's preload shift (the tile's last shift)
//   o_d/o_v      bottom edge, per column: results (registered)
module pactsim_array #(
    parameter ROWS = 4, COLS = 4, LW = 8, TW = 8, ACCW = 32, LM = 0, OS = 1, DRAIN = 0, PIPE = 0
) (
    input clk,
    input rst,
    input [ROWS*LW-1:0] l_d, input [ROWS-1:0] l_v, input [ROWS-1:0] l_l,
    input [COLS*TW-1:0] t_d, input [COLS-1:0] t_v,
    input [COLS*ACCW-1:0] ps_d, input [COLS-1:0] ps_v,
    input ld,
    input swp,
    input [COLS-1:0] drn,
    output [COLS*ACCW-1:0] o_d,
    output [COLS-1:0] o_v
);
    localparam N = ROWS * COLS;
    // PE outputs, indexed i * COLS + j
    wire [LW-1:0] ah [0:N-1];
    wire ahv [0:N-1];
    wire ahl [0:N-1];
    wire [TW-1:0] bv [0:N-1];
    wire bvv [0:N-1];
    wire [ACCW-1:0] vs [0:N-1];   // OS: shadow chain; WS/IS: partial sums
    wire vsv [0:N-1];

    genvar i, j;
    generate
        for (i = 0; i < ROWS; i = i + 1) begin : row
            for (j = 0; j < COLS; j = j + 1) begin : col
                wire [LW-1:0] a_in;
                wire a_vin, a_lin;
                wire [TW-1:0] b_in;
                wire b_vin;
                wire [ACCW-1:0] s_in;
                wire s_vin;
                if (j == 0) begin : le
                    assign a_in = l_d[i*LW +: LW];
                    assign a_vin = l_v[i];
                    assign a_lin = l_l[i];
                end else begin : li
                    assign a_in = ah[i*COLS + j - 1];
                    assign a_vin = ahv[i*COLS + j - 1];
                    assign a_lin = ahl[i*COLS + j - 1];
                end
                if (i == 0) begin : te
                    assign b_in = t_d[j*TW +: TW];
                    assign b_vin = t_v[j];
                    if (OS != 0) begin : os0
                        assign s_in = {ACCW{1'b0}};
                        assign s_vin = 1'b0;
                    end else begin : st0
                        assign s_in = ps_d[j*ACCW +: ACCW];
                        assign s_vin = ps_v[j];
                    end
                end else begin : ti
                    assign b_in = bv[(i-1)*COLS + j];
                    assign b_vin = bvv[(i-1)*COLS + j];
                    assign s_in = vs[(i-1)*COLS + j];
                    assign s_vin = vsv[(i-1)*COLS + j];
                end
                if (OS != 0) begin : os
                    pactsim_pe_os #(.LW(LW), .TW(TW), .ACCW(ACCW), .LM(LM), .DRAIN(DRAIN)) pe (
                        .clk(clk), .rst(rst),
                        .a_d(a_in), .a_v(a_vin), .a_l(a_lin),
                        .b_d(b_in), .b_v(b_vin),
                        .swp(swp), .drn(drn[j]),
                        .sh_in(s_in), .sh_in_v(s_vin),
                        .a_q(ah[i*COLS + j]), .a_vq(ahv[i*COLS + j]), .a_lq(ahl[i*COLS + j]),
                        .b_q(bv[i*COLS + j]), .b_vq(bvv[i*COLS + j]),
                        .sh(vs[i*COLS + j]), .sh_v(vsv[i*COLS + j]));
                end else if (PIPE != 0) begin : pl
                    // the preload chain runs down the columns in the shadow registers (bv), each PE
                    // shifting from its switch to the column's stop strobe; the first-slot flag
                    // travels along the rows (ahl)
                    pactsim_pe_pl #(.LW(LW), .TW(TW), .ACCW(ACCW), .LM(LM)) pe (
                        .clk(clk), .rst(rst),
                        .a_d(a_in), .a_v(a_vin), .a_f(a_lin),
                        .ps_in(s_in), .ps_in_v(s_vin),
                        .pre_in(b_in), .pre_in_v(b_vin),
                        .stop(drn[j]),
                        .a_q(ah[i*COLS + j]), .a_vq(ahv[i*COLS + j]), .a_fq(ahl[i*COLS + j]),
                        .ps_q(vs[i*COLS + j]), .ps_vq(vsv[i*COLS + j]),
                        .ws(bv[i*COLS + j]), .ws_v(bvv[i*COLS + j]));
                end else begin : st
                    // the preload chain runs down the columns in the shadow registers (bv)
                    pactsim_pe_st #(.LW(LW), .TW(TW), .ACCW(ACCW), .LM(LM)) pe (
                        .clk(clk), .rst(rst),
                        .a_d(a_in), .a_v(a_vin),
                        .ps_in(s_in), .ps_in_v(s_vin),
                        .pre_in(b_in), .pre_in_v(b_vin),
                        .ld(ld), .swp(swp),
                        .a_q(ah[i*COLS + j]), .a_vq(ahv[i*COLS + j]),
                        .ps_q(vs[i*COLS + j]), .ps_vq(vsv[i*COLS + j]),
                        .ws(bv[i*COLS + j]), .ws_v(bvv[i*COLS + j]));
                    assign ahl[i*COLS + j] = 1'b0;
                end
            end
        end
        for (j = 0; j < COLS; j = j + 1) begin : out
            if (OS != 0) begin : os
                reg [ACCW-1:0] od;
                reg ov;
                always @(posedge clk) begin
                    if (rst) begin
                        od <= 0; ov <= 0;
                    end else begin
                        od <= vs[(ROWS-1)*COLS + j];
                        ov <= drn[j] & vsv[(ROWS-1)*COLS + j];
                    end
                end
                assign o_d[j*ACCW +: ACCW] = od;
                assign o_v[j] = ov;
            end else begin : st
                assign o_d[j*ACCW +: ACCW] = vs[(ROWS-1)*COLS + j];
                assign o_v[j] = vsv[(ROWS-1)*COLS + j];
            end
        end
    endgenerate
endmodule
