/**
 * Import of ONNX models into pactsim traces ({@code pactsim import onnx}, and
 * {@code simulate --trace MODEL.onnx} on the fly). {@link org.pactsim.io.onnx.OnnxReader}
 * reads the few protobuf fields pactsim needs with protobuf-java's {@code CodedInputStream}
 * (no generated classes, weight bytes skipped); {@link org.pactsim.io.onnx.OnnxShapes}
 * infers every tensor's shape; {@link org.pactsim.io.onnx.OnnxImporter} turns the graph
 * into the trace's existing layer types ({@link org.pactsim.workload.ConvLayer},
 * {@link org.pactsim.workload.MatMulLayer}, {@link org.pactsim.workload.VectorLayer}) with
 * per-layer bit widths from the quantization nodes. See {@code docs/onnx-import.md}.
 *
 * <p>Here, under {@code io}, because it is a reader of a user's input file like
 * {@link org.pactsim.io.format.TraceReader}: it fails with {@link org.pactsim.io.InputException}
 * (file, byte offset or node name) and builds workload records, nothing more.
 */
package org.pactsim.io.onnx;
