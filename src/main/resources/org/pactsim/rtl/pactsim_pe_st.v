// pactsim weight/input-stationary PE (Verilog-2005, synthesizable). Part of pactsim; see docs/rtl.md.
//
// Holds a working stationary operand w and a shadow ws. The shadows of a column form the
// preload chain: on ld the PE takes the shadow of the PE above (the preload port at the top).
// On swp the working register takes the shadow's next value. Streamed operands enter from the
// left and are passed right; partial sums enter from the top, gain the PE's product (after LM
// multiplier pipeline stages) and are passed down, one register each. Wrapping ACCW bits.
module pactsim_pe_st #(
    parameter LW = 8, TW = 8, ACCW = 32, LM = 0
) (
    input clk,
    input rst,
    input [LW-1:0] a_d, input a_v,
    input [ACCW-1:0] ps_in, input ps_in_v,
    input [TW-1:0] pre_in, input pre_in_v,
    input ld,
    input swp,
    output reg [LW-1:0] a_q, output reg a_vq,
    output reg [ACCW-1:0] ps_q, output reg ps_vq,
    output reg [TW-1:0] ws, output reg ws_v
);
    reg [TW-1:0] w;
    reg w_v;
    reg signed [ACCW-1:0] pp [0:LM];
    reg pv [0:LM];
    reg signed [ACCW-1:0] prod, ep;
    reg [TW-1:0] nws;
    reg ev, nwsv;
    integer k;

    always @(posedge clk) begin
        if (rst) begin
            a_q <= 0; a_vq <= 0; ps_q <= 0; ps_vq <= 0;
            ws <= 0; ws_v <= 0; w <= 0; w_v <= 0;
            for (k = 0; k <= LM; k = k + 1) begin
                pp[k] <= 0; pv[k] <= 0;
            end
        end else begin
            a_q <= a_d; a_vq <= a_v;
            prod = $signed(a_d) * $signed(w);
            if (LM == 0) begin
                ep = prod; ev = a_v & w_v;
            end else begin
                ep = pp[LM]; ev = pv[LM];
            end
            for (k = LM; k >= 1; k = k - 1) begin
                pp[k] <= (k == 1) ? prod : pp[k - 1];
                pv[k] <= (k == 1) ? (a_v & w_v) : pv[k - 1];
            end
            if (ev) ps_q <= ps_in + ep; else ps_q <= ps_in;
            ps_vq <= ps_in_v;
            if (ld) begin
                nws = pre_in; nwsv = pre_in_v;
            end else begin
                nws = ws; nwsv = ws_v;
            end
            ws <= nws; ws_v <= nwsv;
            if (swp) begin
                w <= nws; w_v <= nwsv;
            end
        end
    end
endmodule
