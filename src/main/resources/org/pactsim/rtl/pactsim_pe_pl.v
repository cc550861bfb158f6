// pactsim pipelined weight/input-stationary PE (Verilog-2005, synthesizable). Part of pactsim;
// see docs/rtl.md.
//
// Folds overlap (array.foldOverlap: pipelined): the fold switch travels with the data, as in
// TPU v1. Two stationary registers, as the area model prices them: the shadow ws and the working
// w, and one control flip-flop. The streamed operand carries a first-slot flag a_f: the PE makes
// its shadow its working register as the next fold's first slot passes it, and that slot already
// multiplies by it. The shadows of a column form its preload chain: a PE shifts (takes the
// shadow of the PE above; the preload port at the top) from the cycle of its switch, so the next
// fold's operands follow the switch down the column without overwriting a shadow that is still
// to be switched in, until the column's stop strobe (the cycle of the tile's last shift; after
// reset every PE shifts, for the first tile). Partial sums enter from the top, gain the product
// (after LM multiplier pipeline stages) and are passed down, one register each. Wrapping ACCW
// bits.
module pactsim_pe_pl #(
    parameter LW = 8, TW = 8, ACCW = 32, LM = 0
) (
    input clk,
    input rst,
    input [LW-1:0] a_d, input a_v, input a_f,
    input [ACCW-1:0] ps_in, input ps_in_v,
    input [TW-1:0] pre_in, input pre_in_v,
    input stop,
    output reg [LW-1:0] a_q, output reg a_vq, output reg a_fq,
    output reg [ACCW-1:0] ps_q, output reg ps_vq,
    output reg [TW-1:0] ws, output reg ws_v
);
    reg [TW-1:0] w;
    reg w_v, shg;
    reg signed [ACCW-1:0] pp [0:LM];
    reg pv [0:LM];
    reg signed [ACCW-1:0] prod, ep;
    reg [TW-1:0] ew;
    reg ev, ewv;
    integer k;

    always @(posedge clk) begin
        if (rst) begin
            a_q <= 0; a_vq <= 0; a_fq <= 0; ps_q <= 0; ps_vq <= 0;
            ws <= 0; ws_v <= 0; w <= 0; w_v <= 0; shg <= 1'b1;
            for (k = 0; k <= LM; k = k + 1) begin
                pp[k] <= 0; pv[k] <= 0;
            end
        end else begin
            a_q <= a_d; a_vq <= a_v; a_fq <= a_f;
            // shift from the switch on, through the stop strobe's cycle
            if (shg | a_f) begin
                ws <= pre_in; ws_v <= pre_in_v;
            end
            if (stop) shg <= 1'b0;
            else if (a_f) shg <= 1'b1;
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
