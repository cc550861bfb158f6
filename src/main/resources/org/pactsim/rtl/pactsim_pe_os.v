// pactsim output-stationary PE (Verilog-2005, synthesizable). Part of pactsim; see docs/rtl.md.
//
// Passes its left operand (value, valid, last-slot flag) to the right and its top operand
// down, one register each. Multiplies the two operands it sees, through LM pipeline stages,
// and accumulates into an ACCW-bit two's complement accumulator (wrapping).
// DRAIN = 0 (overlapped): the result moves into the shadow register sh on the fold-wide switch swp;
// DRAIN = 1 (wavefront):  it moves into sh on the PE's own last accumulate (last flag);
// DRAIN = 2 (serial):     no shadow register: the accumulators themselves form the column
//                         chain (sh mirrors acc), so the next fold must wait for the drain.
// Every PE captures a result in every fold (zero where the fold leaves it unused), so a fold's
// last result marks its end. The shadow registers of a column form a shift chain: on drn the
// PE takes the shadow of the PE above (nothing at the top); a capture in the same cycle wins.
module pactsim_pe_os #(
    parameter LW = 8, TW = 8, ACCW = 32, LM = 0, DRAIN = 0
) (
    input clk,
    input rst,
    input [LW-1:0] a_d, input a_v, input a_l,
    input [TW-1:0] b_d, input b_v,
    input swp,
    input drn,
    input [ACCW-1:0] sh_in, input sh_in_v,
    output reg [LW-1:0] a_q, output reg a_vq, output reg a_lq,
    output reg [TW-1:0] b_q, output reg b_vq,
    output reg [ACCW-1:0] sh, output reg sh_v
);
    reg signed [ACCW-1:0] acc;
    // multiplier pipeline: index 1..LM used when LM > 0
    reg signed [ACCW-1:0] pp [0:LM];
    reg pv [0:LM];
    reg pl [0:LM];
    reg signed [ACCW-1:0] prod, ep, nacc;
    reg ev, el, cap;
    integer k;

    always @(posedge clk) begin
        if (rst) begin
            a_q <= 0; a_vq <= 0; a_lq <= 0; b_q <= 0; b_vq <= 0;
            acc <= 0; sh <= 0; sh_v <= 0;
            for (k = 0; k <= LM; k = k + 1) begin
                pp[k] <= 0; pv[k] <= 0; pl[k] <= 0;
            end
        end else begin
            a_q <= a_d; a_vq <= a_v; a_lq <= a_l;
            b_q <= b_d; b_vq <= b_v;
            prod = $signed(a_d) * $signed(b_d);
            if (LM == 0) begin
                ep = prod; ev = a_v & b_v; el = a_l;
            end else begin
                ep = pp[LM]; ev = pv[LM]; el = pl[LM];
            end
            for (k = LM; k >= 1; k = k - 1) begin
                pp[k] <= (k == 1) ? prod : pp[k - 1];
                pv[k] <= (k == 1) ? (a_v & b_v) : pv[k - 1];
                pl[k] <= (k == 1) ? a_l : pl[k - 1];
            end
            if (ev) nacc = acc + ep; else nacc = acc;
            cap = (DRAIN == 1) ? el : swp;
            if (DRAIN == 2) begin
                if (drn) begin
                    acc <= sh_in; sh <= sh_in; sh_v <= sh_in_v;
                end else begin
                    acc <= nacc; sh <= nacc; sh_v <= 1'b1;
                end
            end else if (cap) begin
                sh <= nacc; sh_v <= 1'b1;
                acc <= 0;
            end else begin
                acc <= nacc;
                if (drn) begin
                    sh <= sh_in; sh_v <= sh_in_v;
                end
            end
        end
    end
endmodule
