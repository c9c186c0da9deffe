// npm run bench [-- --corpus bundled|scale|all] [--requests N] [--standin] [--store postgres] [--copies N] [--collections N] [--ocr-pages N] [--side-by-side N] [--json]: measures the build and
// the server on a corpus, each in a child process of its own: build seconds and stage times,
// peak memory, index size on disk, server start time and memory, /api/ask latency sequential and
// at 8 concurrent clients, and an incremental rebuild after one document changes (until the
// running server answers from it). Reports figures; asserts nothing: machines are noisy.
// --standin measures the hybrid mode with a random-weight model of multilingual-e5-small's shape
// (written once to data/bench-models): its speed is the real model's, its answers are not.
// --store postgres builds into and serves from PostgreSQL (PGlite with pgvector over the wire
// protocol, in this process; a server PostgreSQL is faster): the figures beside the embedded ones.
// --copies N indexes the corpus N times over (a larger collection of the same kind); --collections
// N splits it into N public collections (the bundled documents in the first) and also asks
// limited to the first, in turns with unrestricted questions. --ocr-pages N (default 8, 0 to
// skip): OCR seconds per page on a generated scan of N pages, read as a build reads it. With the
// embedded store, a plain BM25 top 10 (Orama) over the same passages is timed in turns with it.
// --side-by-side N: the corpus once and N times over, both served, asked in turns (instead of the
// usual figures).
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createPool } from '../api/store/postgres/pool.js';
import { benchOcr, formatOcrFigures } from './lib/bench-ocr.js';
import { benchCorpus, type CorpusFigures, copyCorpus, formatFigures } from './lib/bench-run.js';
import { benchSideBySide, formatSideBySide } from './lib/bench-side-by-side.js';
import { freePort } from './lib/free-port.js';
import { type LocalPostgres, startLocalPostgres } from './lib/pglite-server.js';
import { STANDIN_MODEL_ID, writeStandinModel } from './lib/standin-model.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const corpora = { bundled: resolve('corpus'), scale: resolve('data', 'scale', 'corpus') };
const which = option('--corpus') ?? 'bundled';
const names = which === 'all' ? (['bundled', 'scale'] as const) : [which as keyof typeof corpora];
const requests = Number(option('--requests') ?? 400);
const concurrency = Number(option('--concurrency') ?? 8);
const standin = args.includes('--standin');
const modelsDir = standin ? resolve('data', 'bench-models') : option('--models-dir');
const modelId = standin ? STANDIN_MODEL_ID : option('--model');
if (standin && !existsSync(join(modelsDir!, STANDIN_MODEL_ID, 'onnx', 'model_quantized.onnx'))) {
  console.error('Stand-in van multilingual-e5-small schrijven (willekeurige gewichten, alleen voor snelheid) …');
  await writeStandinModel(modelsDir!);
}

const postgres = option('--store') === 'postgres';
const copies = Number(option('--copies') ?? 1);
const collections = Number(option('--collections') ?? 1);
const ocrPages = Number(option('--ocr-pages') ?? 8);
const sideBySide = Number(option('--side-by-side') ?? 0);
/** The model the children use: the configured one, another, or the stand-in; never downloaded. */
const modelEnv = {
  ALLOW_MODEL_DOWNLOAD: 'false',
  ...(modelsDir ? { MODELS_DIR: resolve(modelsDir) } : {}),
  ...(modelId ? { EMBEDDING_MODEL: modelId } : {}),
};
const collectionName = (n: number) => `collectie-${String(n).padStart(2, '0')}`;

/** Moves the corpus's documents into N top-level folders (the bundled ones, and others by turn) and writes collections.json. */
async function splitIntoCollections(corpus: string, count: number): Promise<void> {
  const files = (await readdir(corpus, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  let turn = 0;
  for (const file of files.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = relative(corpus, join(file.parentPath, file.name));
    if (path === 'voorbeeldvragen.json' || path.endsWith('.meta.json')) continue;
    const bundled = path.includes('bundled') || !path.includes('/');
    const target = join(corpus, collectionName(bundled ? 1 : (turn++ % count) + 1), path);
    await mkdir(dirname(target), { recursive: true });
    await rename(join(corpus, path), target);
    const meta = join(corpus, path.replace(/\.[^.]+$/, '.meta.json'));
    if (existsSync(meta)) await rename(meta, target.replace(/\.[^.]+$/, '.meta.json'));
  }
  const entries = Object.fromEntries(Array.from({ length: count }, (_, i) => [collectionName(i + 1), { title: `Collectie ${i + 1}`, access: 'public' }]));
  await writeFile(join(corpus, 'collections.json'), JSON.stringify(entries, null, 2));
}
if (sideBySide > 1) {
  const source = corpora[names[0]!];
  if (!source || !existsSync(source)) {
    console.error('De corpus ontbreekt (voor de schaalcorpus: "npm run corpus:scale").');
    process.exit(2);
  }
  const figures = await benchSideBySide(source, sideBySide, requests, modelEnv);
  console.log(args.includes('--json') ? JSON.stringify(figures, null, 2) : formatSideBySide(figures));
  process.exit(0);
}

const results: Record<string, CorpusFigures> = {};
for (const name of names) {
  const source = corpora[name];
  if (!source || !existsSync(source)) {
    console.error(
      name === 'scale' ? 'De schaalcorpus ontbreekt: haal hem op met "npm run corpus:scale".' : `Onbekende corpus "${name}" (bundled, scale of all).`,
    );
    process.exit(2);
  }
  const work = await mkdtemp(join(tmpdir(), `bronwijzer-bench-${name}-`));
  let database: LocalPostgres | null = null;
  try {
    if (postgres) database = await startLocalPostgres({ port: await freePort() });
    // A copy, so one document can be changed for the incremental rebuild.
    const corpus = join(work, 'corpus');
    await copyCorpus(source, corpus, copies);
    if (collections > 1) await splitIntoCollections(corpus, collections);
    results[name] = await benchCorpus({
      corpus,
      indexDir: join(work, 'index'),
      requests,
      concurrency,
      env: { ...modelEnv, ...(database ? { STORE: 'postgres', DATABASE_URL: database.url } : {}) },
      ...(database ? { indexBytes: databaseBytes(database.url) } : {}),
      ...(collections > 1 ? { oneCollection: collectionName(1) } : {}),
      plainBaseline: !postgres,
      changeOneDocument: async () => {
        const file = (await readdir(corpus, { recursive: true })).map(String).find((path) => /\.(txt|md|html)$/.test(path))!;
        await appendFile(join(corpus, file), '\n\nEen extra alinea over mantelzorg en respijtzorg in de buurt.\n');
        return file;
      },
    });
  } finally {
    await database?.close();
    await rm(work, { recursive: true, force: true });
  }
}

const ocr = ocrPages > 0 ? await benchOcr(ocrPages) : null;

if (args.includes('--json')) console.log(JSON.stringify({ ...results, ...(ocr ? { ocr } : {}) }, null, 2));
else {
  if (standin) console.log('Hybride met een stand-in met willekeurige gewichten: alleen de snelheid telt, niet de antwoorden (speed-only).');
  if (postgres) console.log('Opslag: PostgreSQL (PGlite met pgvector, via het wire protocol, in dit proces).');
  for (const [name, figures] of Object.entries(results)) console.log(formatFigures(name, figures));
  if (ocr) console.log(formatOcrFigures(ocr));
}

/** The database's size on disk, as PostgreSQL reports it. */
function databaseBytes(url: string) {
  return async () => {
    const pool = createPool({ url, max: 1 });
    try {
      const { rows } = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
      return Number(rows[0]?.bytes ?? 0);
    } finally {
      await pool.end();
    }
  };
}
