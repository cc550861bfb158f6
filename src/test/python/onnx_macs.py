#!/usr/bin/env python3
"""Independent MAC count of an ONNX model, for pactsim's OnnxIndependentMacsTest (issue 22).

Shapes come from the onnx package's own shape inference (Debian: python3-onnx), not from
pactsim; MACs follow the ONNX operator definitions:
  Conv, ConvInteger, QLinearConv: output elements x (input channels / group) x kernel area
  ConvTranspose: input elements x kernel area x (output channels / group)
  MatMul, MatMulInteger, QLinearMatMul: output elements x K (A's last axis)
  Gemm: M x N x K
  LSTM, GRU, RNN: directions x steps x batch x (gates x hidden) x (input + hidden)
  Einsum of two operands: the product of every index's size
Usage: onnx_macs.py MODEL [NAME=VALUE ...]   (values for unknown input dimensions: by symbolic
  name, or INPUT[AXIS] for any axis, as pactsim's --dim)
Prints one JSON object: {"macs": total, "nodes": {op: count}, "missing": [node names whose shapes
the inference left unknown (counted in neither)]}.
"""
import json
import sys

import onnx
from onnx import shape_inference


def dims_of(value_info):
    t = value_info.type.tensor_type
    if not t.HasField("shape"):
        return None
    out = []
    for d in t.shape.dim:
        if not d.HasField("dim_value"):
            return None
        out.append(d.dim_value)
    return out


def product(xs):
    p = 1
    for x in xs:
        p *= x
    return p


def main():
    model = onnx.load(sys.argv[1])
    fixed = dict(a.split("=", 1) for a in sys.argv[2:])
    for inp in model.graph.input:
        for i, d in enumerate(inp.type.tensor_type.shape.dim):
            at = "%s[%d]" % (inp.name, i)
            if at in fixed:
                d.dim_value = int(fixed[at])
            elif d.HasField("dim_param") and d.dim_param in fixed:
                d.dim_value = int(fixed[d.dim_param])
    # the exporter's own value_info and output shapes may hold -1 for unknown sizes (Paddle), or
    # no axes at all, which the inference then refuses to refine: shapes are inferred afresh
    # from the inputs
    del model.graph.value_info[:]
    for out in model.graph.output:
        out.type.tensor_type.ClearField("shape")
    model = shape_inference.infer_shapes(model, data_prop=True)
    shapes = {}
    for vi in list(model.graph.input) + list(model.graph.value_info) + list(model.graph.output):
        d = dims_of(vi)
        if d is not None:
            shapes[vi.name] = d
    for init in model.graph.initializer:
        shapes[init.name] = list(init.dims)

    def attr(node, name, default):
        for a in node.attribute:
            if a.name == name:
                return onnx.helper.get_attribute_value(a)
        return default

    total = 0
    nodes = {}
    missing = []
    for n in model.graph.node:
        op = n.op_type
        if op not in ("Conv", "ConvInteger", "QLinearConv", "ConvTranspose", "MatMul", "MatMulInteger",
                      "QLinearMatMul", "Gemm", "LSTM", "GRU", "RNN", "Einsum"):
            continue
        if op == "Einsum":
            # two operands: every index of the product, once (an output element per kept index
            # combination, times the contracted sizes)
            eq = attr(n, "equation", b"").decode().replace(" ", "")
            terms = eq.split("->")[0].split(",")
            dims = [shapes.get(i) for i in n.input]
            if len(terms) != 2 or "..." in eq or any(d is None for d in dims):
                missing.append(n.name or op)
                continue
            size = {}
            for term, d in zip(terms, dims):
                for letter, v in zip(term, d):
                    size[letter] = v
            total += product(size.values())
            nodes[op] = nodes.get(op, 0) + 1
            continue
        if op in ("LSTM", "GRU", "RNN"):
            # per direction and step: X_t W^T and H_{t-1} R^T, W [dirs, G*H, input], R [dirs, G*H, H]
            x = shapes.get(n.input[0])
            w = shapes.get(n.input[1])
            r = shapes.get(n.input[2])
            if x is None or w is None or r is None:
                missing.append(n.name or op)
                continue
            seq, batch = (x[1], x[0]) if attr(n, "layout", 0) == 1 else (x[0], x[1])
            macs = w[0] * seq * batch * w[1] * (w[2] + r[2])
            total += macs
            nodes[op] = nodes.get(op, 0) + 1
            continue
        w_index = 3 if op.startswith("QLinear") else 1
        out = shapes.get(n.output[0])
        a = shapes.get(n.input[0])
        w = shapes.get(n.input[w_index])
        if out is None or a is None or w is None:
            missing.append(n.name or op)
            continue
        if op in ("Conv", "ConvInteger", "QLinearConv"):
            macs = product(out) * w[1] * product(w[2:])
        elif op == "ConvTranspose":
            group = attr(n, "group", 1)
            macs = product(a) * product(w[2:]) * w[1]  # w: [C_in, C_out / group, kH, kW]
        elif op == "Gemm":
            k = a[0] if attr(n, "transA", 0) else a[1]
            macs = product(out) * k
        else:
            macs = product(out) * a[-1]
        total += macs
        nodes[op] = nodes.get(op, 0) + 1
    print(json.dumps({"macs": total, "nodes": nodes, "missing": missing}))


if __name__ == "__main__":
    main()
