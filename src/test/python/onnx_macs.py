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
  name, or INPUT[AXIS] for any axis, as pactsim's --dim; or an integer scalar input's value)
An If whose condition evaluates (from constants, given scalars and inferred shapes, by a small
evaluator here, not pactsim's) is replaced by its branch before counting.
Prints one JSON object: {"macs": total, "nodes": {op: count}, "missing": [node names whose shapes
the inference left unknown (counted in neither)]}.
"""
import json
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, shape_inference


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


def consts(model):
    vals = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    return vals

def shapes_of(model):
    out = {}
    for vi in list(model.graph.input) + list(model.graph.value_info) + list(model.graph.output):
        t = vi.type.tensor_type
        if t.HasField("shape") and all(d.HasField("dim_value") for d in t.shape.dim):
            out[vi.name] = [d.dim_value for d in t.shape.dim]
    return out

def evaluate(name, model, vals, shapes, prod, depth=0):
    if name in vals:
        return vals[name]
    n = prod.get(name)
    if n is None or depth > 40:
        return None
    a = lambda i: evaluate(n.input[i], model, vals, shapes, prod, depth + 1)
    attr = {x.name: helper.get_attribute_value(x) for x in n.attribute}
    op = n.op_type
    try:
        if op == "Constant":
            v = numpy_helper.to_array(attr["value"])
        elif op == "Shape":
            s = shapes.get(n.input[0])
            v = None if s is None else np.array(s, dtype=np.int64)
        elif op == "Gather":
            v = np.take(a(0), a(1), axis=attr.get("axis", 0))
        elif op in ("Squeeze", "Unsqueeze"):
            x = a(0)
            axes = attr.get("axes") if "axes" in attr else (list(a(1)) if len(n.input) > 1 else None)
            v = np.squeeze(x, axis=tuple(axes) if axes else None) if op == "Squeeze" else np.expand_dims(x, tuple(axes))
        elif op == "Cast":
            v = a(0).astype(np.int64)
        elif op == "Equal":
            v = np.equal(a(0), a(1))
        elif op == "Not":
            v = np.logical_not(a(0))
        elif op == "Concat":
            v = np.concatenate([evaluate(i, model, vals, shapes, prod, depth + 1) for i in n.input], axis=attr["axis"])
        else:
            v = None
    except Exception:
        v = None
    if v is not None:
        vals[name] = v
    return v

def inline_ifs(model):
    """Replaces each If whose condition evaluates with its branch, until none is left."""
    for _ in range(20):
        model = shape_inference.infer_shapes(model, data_prop=True)
        g = model.graph
        ifs = [n for n in g.node if n.op_type == "If"]
        if not ifs:
            return model
        vals = consts(model)
        shapes = shapes_of(model)
        prod = {o: n for n in g.node for o in n.output}
        changed = False
        nodes = []
        for n in g.node:
            if n.op_type != "If":
                nodes.append(n)
                continue
            c = evaluate(n.input[0], model, vals, shapes, prod)
            if c is None:
                nodes.append(n)
                continue
            attr = {x.name: x.g for x in n.attribute}
            b = attr["then_branch"] if bool(np.asarray(c).reshape(-1)[0]) else attr["else_branch"]
            g.initializer.extend(b.initializer)
            ren = {bo.name: o for bo, o in zip(b.output, n.output)}
            for bn in b.node:
                for k, x in enumerate(bn.output):
                    if x in ren:
                        bn.output[k] = ren[x]
                for k, x in enumerate(bn.input):
                    if x in ren:
                        bn.input[k] = ren[x]
            for bo, o in zip(b.output, n.output):
                if not any(bo.name == x for bn in b.node for x in bn.output) and bo.name != o:
                    nodes.append(helper.make_node("Identity", [bo.name], [o]))
            nodes.extend(b.node)
            changed = True
        del g.node[:]
        g.node.extend(nodes)
        del g.value_info[:]
        for o in g.output:
            o.type.tensor_type.ClearField("shape")
        if not changed:
            return model
    return model


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
    # an integer scalar input given a value (an If's condition: Silero VAD's sample rate) becomes
    # a constant, and every If whose condition evaluates is replaced by its branch
    scalars = [i for i in model.graph.input if i.name in fixed and not i.type.tensor_type.shape.dim]
    for inp in scalars:
        model.graph.input.remove(inp)
        model.graph.initializer.append(numpy_helper.from_array(np.array(int(fixed[inp.name]), dtype=np.int64),
                                                               inp.name))
    if any(n.op_type == "If" for n in model.graph.node):
        for out in model.graph.output:
            out.type.tensor_type.ClearField("shape")
        model = inline_ifs(model)
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
