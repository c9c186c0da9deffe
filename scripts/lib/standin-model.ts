// Writes a stand-in for Xenova/multilingual-e5-small for speed measurements: the same
// architecture (BERT, 12 layers, hidden 384, 12 heads, intermediate 1536, vocabulary 250,037,
// 512 positions), int8 dynamic quantization as in the real model_quantized.onnx (uint8
// embeddings, MatMulInteger for every linear layer), random weights, and the real tokenizer.
// Its vectors mean nothing: figures measured with it are speed-only.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
export const STANDIN_MODEL_ID = 'bench/e5-small-standin';
const REAL_MODEL = join(import.meta.dirname, '..', '..', 'models', 'Xenova', 'multilingual-e5-small');
const VOCABULARY = 250_037;
const HIDDEN = 384;
const HEADS = 12;
const HEAD_SIZE = HIDDEN / HEADS;
const INTERMEDIATE = 1536;
const LAYERS = 12;
const POSITIONS = 512;
const T = onnx.TensorProto.DataType;

export async function writeStandinModel(modelsDir: string): Promise<string> {
  const dir = join(modelsDir, STANDIN_MODEL_ID);
  await mkdir(join(dir, 'onnx'), { recursive: true });
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) await copyFile(join(REAL_MODEL, file), join(dir, file));
  await writeFile(join(dir, 'onnx', 'model_quantized.onnx'), standinBytes());
  return dir;
}

function standinBytes(): Uint8Array {
  const random = seeded(20251125);
  const nodes: onnxProto.onnx.INodeProto[] = [];
  const initializers: onnxProto.onnx.ITensorProto[] = [];
  let counter = 0;
  const name = (prefix: string) => `${prefix}_${counter++}`;
  const node = (opType: string, input: string[], outputs = 1, attribute: onnxProto.onnx.IAttributeProto[] = []) => {
    const output = Array.from({ length: outputs }, () => name(opType.toLowerCase()));
    nodes.push(onnx.NodeProto.create({ opType, input, output, attribute }));
    return output;
  };
  const one = (opType: string, input: string[], attribute: onnxProto.onnx.IAttributeProto[] = []) => node(opType, input, 1, attribute)[0]!;
  const floats = (prefix: string, dims: number[], fill: (i: number) => number) => {
    const data = Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, (_, i) => fill(i));
    const id = name(prefix);
    initializers.push(onnx.TensorProto.create({ name: id, dataType: T.FLOAT, dims, rawData: new Uint8Array(data.buffer) }));
    return id;
  };
  const bytes = (prefix: string, dims: number[], type: number) => {
    const data = new Uint8Array(dims.reduce((a, b) => a * b, 1));
    random.fill(data);
    const id = name(prefix);
    initializers.push(onnx.TensorProto.create({ name: id, dataType: type, dims, rawData: data }));
    return id;
  };
  const scalar = (prefix: string, type: number, value: number) => {
    const id = name(prefix);
    const rawData =
      type === T.FLOAT
        ? new Uint8Array(Float32Array.of(value).buffer)
        : type === T.INT64
          ? new Uint8Array(BigInt64Array.of(BigInt(value)).buffer)
          : Uint8Array.of(value);
    initializers.push(onnx.TensorProto.create({ name: id, dataType: type, dims: [], rawData }));
    return id;
  };
  const ints = (prefix: string, values: number[]) => {
    const id = name(prefix);
    initializers.push(
      onnx.TensorProto.create({ name: id, dataType: T.INT64, dims: [values.length], rawData: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer) }),
    );
    return id;
  };
  const int = (n: string, i: number) => ({ name: n, type: onnx.AttributeProto.AttributeType.INT, i });
  const intList = (n: string, list: number[]) => ({ name: n, type: onnx.AttributeProto.AttributeType.INTS, ints: list });
  const float = (n: string, f: number) => ({ name: n, type: onnx.AttributeProto.AttributeType.FLOAT, f });

  /** A linear layer as ORT's dynamic quantization writes it: uint8 activations, uint8 weights. */
  const linear = (x: string, inputs: number, outputs: number) => {
    const [q, scale, zero] = node('DynamicQuantizeLinear', [x], 3) as [string, string, string];
    const product = one('MatMulInteger', [q, bytes('w', [inputs, outputs], T.UINT8), zero, scalar('wz', T.UINT8, 128)]);
    const scaled = one('Mul', [one('Cast', [product], [int('to', T.FLOAT)]), one('Mul', [scale, scalar('ws', T.FLOAT, 0.02 / 127)])]);
    return one('Add', [scaled, floats('b', [outputs], () => 0)]);
  };
  const layerNorm = (x: string) =>
    one('LayerNormalization', [x, floats('gamma', [HIDDEN], () => 1), floats('beta', [HIDDEN], () => 0)], [int('axis', -1), float('epsilon', 1e-12)]);

  // Embeddings: words (uint8, dequantized), positions 0..S-1, token types; then LayerNorm.
  const words = one('DequantizeLinear', [
    one('Gather', [bytes('words', [VOCABULARY, HIDDEN], T.UINT8), 'input_ids'], [int('axis', 0)]),
    scalar('es', T.FLOAT, 0.1 / 127),
    scalar('ez', T.UINT8, 128),
  ]);
  const length = one('Gather', [one('Shape', ['input_ids']), scalar('one', T.INT64, 1)], [int('axis', 0)]);
  const positionIds = one('Range', [scalar('zero', T.INT64, 0), length, scalar('step', T.INT64, 1)]);
  const positions = one('Gather', [floats('positions', [POSITIONS, HIDDEN], () => (random.next() - 0.5) * 0.04), positionIds], [int('axis', 0)]);
  const types = one('Gather', [floats('types', [2, HIDDEN], () => (random.next() - 0.5) * 0.04), 'token_type_ids'], [int('axis', 0)]);
  let hidden = layerNorm(one('Add', [one('Add', [words, positions]), types]));

  // Attention bias: 0 where the mask is 1, -10000 where it is 0, shaped [B, 1, 1, S].
  const mask = one('Cast', ['attention_mask'], [int('to', T.FLOAT)]);
  const bias = one('Unsqueeze', [one('Mul', [one('Sub', [scalar('one_f', T.FLOAT, 1), mask]), scalar('neg', T.FLOAT, -10000)]), ints('axes', [1, 2])]);
  const heads = ints('heads', [0, 0, HEADS, HEAD_SIZE]);
  const merged = ints('merged', [0, 0, HIDDEN]);

  for (let layer = 0; layer < LAYERS; layer++) {
    const split = (x: string, perm: number[]) => one('Transpose', [one('Reshape', [x, heads])], [intList('perm', perm)]);
    const q = split(linear(hidden, HIDDEN, HIDDEN), [0, 2, 1, 3]);
    const k = split(linear(hidden, HIDDEN, HIDDEN), [0, 2, 3, 1]);
    const v = split(linear(hidden, HIDDEN, HIDDEN), [0, 2, 1, 3]);
    const scores = one('Add', [one('Mul', [one('MatMul', [q, k]), scalar('scale', T.FLOAT, 1 / Math.sqrt(HEAD_SIZE))]), bias]);
    const context = one('MatMul', [one('Softmax', [scores], [int('axis', -1)]), v]);
    const attended = one('Reshape', [one('Transpose', [context], [intList('perm', [0, 2, 1, 3])]), merged]);
    hidden = layerNorm(one('Add', [linear(attended, HIDDEN, HIDDEN), hidden]));
    // GELU, as 0.5·x·(1 + erf(x / √2)).
    const up = linear(hidden, HIDDEN, INTERMEDIATE);
    const gelu = one('Mul', [
      one('Mul', [up, scalar('half', T.FLOAT, 0.5)]),
      one('Add', [one('Erf', [one('Div', [up, scalar('sqrt2', T.FLOAT, Math.SQRT2)])]), scalar('one_g', T.FLOAT, 1)]),
    ]);
    hidden = layerNorm(one('Add', [linear(gelu, INTERMEDIATE, HIDDEN), hidden]));
  }
  nodes.push(onnx.NodeProto.create({ opType: 'Identity', input: [hidden], output: ['last_hidden_state'] }));

  const shape = (...dims: (string | number)[]) =>
    onnx.TensorShapeProto.create({ dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) });
  const value = (id: string, elemType: number, dims: onnxProto.onnx.ITensorShapeProto) =>
    onnx.ValueInfoProto.create({ name: id, type: { tensorType: { elemType, shape: dims } } });
  const graph = onnx.GraphProto.create({
    name: 'e5-small-standin',
    node: nodes,
    initializer: initializers,
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((id) => value(id, T.INT64, shape('batch', 'sequence'))),
    output: [value('last_hidden_state', T.FLOAT, shape('batch', 'sequence', HIDDEN))],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], producerName: 'bronwijzer-bench', graph });
  return onnx.ModelProto.encode(model).finish();
}

/** A small deterministic generator (xorshift32): the same stand-in on every machine. */
function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  const step = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return {
    next: () => step() / 2 ** 32,
    fill(target: Uint8Array) {
      const words = new Uint32Array(target.buffer, target.byteOffset, Math.floor(target.byteLength / 4));
      for (let i = 0; i < words.length; i++) words[i] = step();
      for (let i = words.length * 4; i < target.length; i++) target[i] = step() & 0xff;
    },
  };
}
