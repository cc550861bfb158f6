// pactsim pipelined weight/input-stationary PE (Verilog-2005, synthesizable). Part of pactsim;
// see docs/rtl.md.
//
// Folds overlap (array.foldOverlap: pipelined): the fold switch travels with the data, as in
// TPU v1. Three stationary registers: the transport chain ch, the shadow ws and the working w.
// The chains of a column shift down every cycle (pre_in from the PE above, the preload port at
// the top); on lat the shadow takes the chain's next value, so a column's R operands, shifted in
// over R cycles, are latched all at once. The streamed operand carries a first-slot flag a_f:
// the PE makes its shadow its working register as the next fold's first slot passes it, and that
// slot already multiplies by it. Partial sums enter from the top, gain the product (after LM
// multiplier pipeline stages) and are passed down, one register each. Wrapping ACCW bits.
module pactsim_pe_pl #(
    parameter LW = 8, TW = 8, ACCW = 32, LM = 0
) (
    input clk,
    input rst,
    input [LW-1:0] a_d, input a_v, input a_f,
    input [ACCW-1:0] ps_in, input ps_in_v,
    input [TW-1:0] pre_in, input pre_in_v,
    input lat,
    output reg [LW-1:0] a_q, output reg a_vq, output reg a_fq,
    output reg [ACCW-1:0] ps_q, output reg ps_vq,
    output reg [TW-1:0] ch, output reg ch_v
);
    reg [TW-1:0] w, ws;
    reg w_v, ws_v;
    reg signed [ACCW-1:0] pp [0:LM];
    reg pv [0:LM];
    reg signed [ACCW-1:0] prod, ep;
    reg [TW-1:0] ew;
    reg ev, ewv;
    integer k;

    always @(posedge clk) begin
        if (rst) begin
            a_q <= 0; a_vq <= 0; a_fq <= 0; ps_q <= 0; ps_vq <= 0;
            ch <= 0; ch_v <= 0; ws <= 0; ws_v <= 0; w <= 0; w_v <= 0;
            for (k = 0; k <= LM; k = k + 1) begin
                pp[k] <= 0; pv[k] <= 0;
            end
        end else begin
            a_q <= a_d; a_vq <= a_v; a_fq <= a_f;
            ch <= pre_in; ch_v <= pre_in_v;
            if (lat) begin
                ws <= pre_in; ws_v <= pre_in_v;
            end
            // the switch: this slot and the fold's later ones use the shadow's operand
            if (a_f) begin
                ew = ws; ewv = ws_v;
            end else begin
                ew = w; ewv = w_v;
            end
            w <= ew; w_v <= ewv;
            prod = $signed(a_d) * $signed(ew);
            if (LM == 0) begin
                ep = prod; ev = a_v & ewv;
            end else begin
                ep = pp[LM]; ev = pv[LM];
            end
            for (k = LM; k >= 1; k = k - 1) begin
                pp[k] <= (k == 1) ? prod : pp[k - 1];
                pv[k] <= (k == 1) ? (a_v & ewv) : pv[k - 1];
            end
            if (ev) ps_q <= ps_in + ep; else ps_q <= ps_in;
            ps_vq <= ps_in_v;
        end
    end
endmodule
