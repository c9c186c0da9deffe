// Writes a finished build to PostgreSQL in one transaction: the documents the database does not
// hold yet (with their passages, terms and vectors), the build as the set of its documents, its
// term statistics (of the whole and of each collection), and the switch of the live build. Every API instance sees the new build at
// once or not at all; adding, replacing or removing one document is this one transaction, in
// which only that document's rows are written. Documents no build holds any more are removed.
import type pg from 'pg';
import type { BuiltDocument, BuiltIndex, IndexWriter } from '../../build/built-index.js';
import { termFrequencies } from '../../index/term-frequencies.js';
import { createStageTimer } from '../../stage-timer.js';
import { migrate } from './migrate.js';
import { inTransaction, withDatabase } from './pool.js';

/** Builds kept besides the live one, so an instance that has not switched yet still finds its rows. */
const KEEP_BUILDS_MINUTES = 10;
/** The lock builds take: two builds at once would both read "live" before either wrote it. */
const BUILD_LOCK = 7_305_002_002;
/** pgvector's HNSW defaults (m, ef_construction) and the ef_search questions use. */
export const PGVECTOR_SETTINGS = { m: 16, efConstruction: 64, efSearch: 100 } as const;

/** A document's rows, under its build key: with vectors they are other rows than without. */
type DocumentRows = BuiltDocument;

export function postgresIndexWriter(pool: pg.Pool): IndexWriter {
  return {
    async write(index, timer = createStageTimer()) {
      const dense = index.documents.every((entry) => entry.vectors !== null);
      const dimensions = dense ? index.manifest.model.dimensions : null;
      await withDatabase(() => migrate(pool, { vectors: dimensions !== null }));
      const rows = index.documents.map((entry) => ({ ...entry, key: dimensions ? `${entry.key}:dense` : entry.key }));
      const stats = timer.time('index', () => termStatistics(index.documents.flatMap((entry) => entry.terms)));
      const byCollection = timer.time('index', () => {
        const collections = new Map<string, string[][]>();
        for (const entry of index.documents) {
          const lists = collections.get(entry.document.collection) ?? [];
          lists.push(...entry.terms);
          collections.set(entry.document.collection, lists);
        }
        return [...collections].map(([collection, lists]) => ({ collection, ...termStatistics(lists) }));
      });
      const manifest = { ...index.manifest, vector: dimensions ? PGVECTOR_SETTINGS : null };
      await timer.time('write', () => writeBuild(pool, rows, stats, byCollection, manifest, dimensions));
    },
  };
}

async function writeBuild(
  pool: pg.Pool,
  rows: DocumentRows[],
  stats: TermStatistics,
  byCollection: (TermStatistics & { collection: string })[],
  manifest: BuiltIndex['manifest'],
  dimensions: number | null,
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [BUILD_LOCK]);
    const known = new Set(
      (await client.query<{ key: string }>('SELECT key FROM documents WHERE key = ANY($1)', [rows.map((row) => row.key)])).rows.map((row) => row.key),
    );
    for (const row of rows) if (!known.has(row.key)) await insertDocument(client, row, dimensions);

    const build = (
      await client.query<{ id: string }>('INSERT INTO builds (manifest, passage_count, total_length) VALUES ($1, $2, $3) RETURNING id', [
        manifest,
        stats.passageCount,
        stats.totalLength,
      ])
    ).rows[0]!.id;
    let position = 0;
    const firstPositions = rows.map((row) => {
      const first = position;
      position += row.chunks.length;
      return first;
    });
    await client.query(
      `INSERT INTO build_documents (build_id, document_key, document_id, ordinal, first_position, collection)
       SELECT $1, key, id, ordinal, first, collection FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::text[]) AS t (key, id, ordinal, first, collection)`,
      [
        build,
        rows.map((row) => row.key),
        rows.map((row) => row.document.id),
        rows.map((_, i) => i),
        firstPositions,
        rows.map((row) => row.document.collection),
      ],
    );
    for (const collection of byCollection) {
      await client.query('INSERT INTO build_collections (build_id, collection, passage_count, total_length) VALUES ($1, $2, $3, $4)', [
        build,
        collection.collection,
        collection.passageCount,
        collection.totalLength,
      ]);
      await client.query(
        'INSERT INTO build_collection_terms (build_id, collection, term, df) SELECT $1, $2, term, df FROM unnest($3::text[], $4::int[]) AS t (term, df)',
        [build, collection.collection, collection.terms, collection.df],
      );
    }
    await client.query('INSERT INTO build_terms (build_id, term, df) SELECT $1, term, df FROM unnest($2::text[], $3::int[]) AS t (term, df)', [
      build,
      stats.terms,
      stats.df,
    ]);
    if (dimensions) {
      // An HNSW index per dimension: a partial index on the cast column, which the queries name exactly.
      await client.query(
        `CREATE INDEX IF NOT EXISTS passages_embedding_hnsw_${dimensions} ON passages USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops)
         WITH (m = ${PGVECTOR_SETTINGS.m}, ef_construction = ${PGVECTOR_SETTINGS.efConstruction}) WHERE vector_dims(embedding) = ${dimensions}`,
      );
    }
    const previous = (await client.query<{ build_id: string }>('SELECT build_id FROM live_build')).rows[0]?.build_id ?? null;
    await client.query('INSERT INTO live_build (singleton, build_id) VALUES (true, $1) ON CONFLICT (singleton) DO UPDATE SET build_id = EXCLUDED.build_id', [
      build,
    ]);
    await client.query(`DELETE FROM builds WHERE id <> $1 AND id IS DISTINCT FROM $2 AND created_at < now() - make_interval(mins => $3)`, [
      build,
      previous,
      KEEP_BUILDS_MINUTES,
    ]);
    await client.query('DELETE FROM documents d WHERE NOT EXISTS (SELECT 1 FROM build_documents b WHERE b.document_key = d.key)');
  });
}

async function insertDocument(client: pg.PoolClient, { key, document, chunks, terms, vectors }: DocumentRows, dimensions: number | null): Promise<void> {
  await client.query(
    'INSERT INTO documents (key, id, file_name, title, source, date, kind, text, sections, passage_count, recognised) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
    [
      key,
      document.id,
      document.fileName,
      document.title,
      document.source,
      document.date,
      document.kind,
      document.text,
      JSON.stringify(document.sections),
      chunks.length,
      JSON.stringify(document.recognised),
    ],
  );
  await client.query(
    `INSERT INTO passages (document_key, chunk_no, start_offset, end_offset, text, section, headings, attribution, bylines, term_count, tokens, recognised${dimensions ? ', embedding' : ''})
     SELECT $1, no, s, e, text, section, headings::jsonb, attribution, bylines::jsonb, terms, tokens, recognised::jsonb${dimensions ? ', vec::vector' : ''}
     FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::text[]${dimensions ? ', $13::text[]' : ''})
       AS t (no, s, e, text, section, headings, attribution, bylines, terms, tokens, recognised${dimensions ? ', vec' : ''})`,
    [
      key,
      chunks.map((_, i) => i),
      chunks.map((chunk) => chunk.start),
      chunks.map((chunk) => chunk.end),
      chunks.map((chunk) => chunk.text),
      chunks.map((chunk) => chunk.section),
      chunks.map((chunk) => JSON.stringify(chunk.headings)),
      chunks.map((chunk) => chunk.attribution),
      chunks.map((chunk) => JSON.stringify(chunk.bylines)),
      terms.map((list) => list.length),
      chunks.map((chunk) => chunk.tokens),
      chunks.map((chunk) => JSON.stringify(chunk.recognised)),
      ...(dimensions && vectors ? [vectors.map((vector) => `[${Array.from(vector).join(',')}]`)] : []),
    ],
  );
  const postingTerms: string[] = [];
  const postingChunks: number[] = [];
  const postingFrequencies: number[] = [];
  terms.forEach((list, chunkNo) => {
    for (const [term, count] of termFrequencies(list)) {
      postingTerms.push(term);
      postingChunks.push(chunkNo);
      postingFrequencies.push(count);
    }
  });
  await client.query(
    'INSERT INTO postings (term, document_key, chunk_no, frequency) SELECT term, $1, no, f FROM unnest($2::text[], $3::int[], $4::int[]) AS t (term, no, f)',
    [key, postingTerms, postingChunks, postingFrequencies],
  );
}

interface TermStatistics {
  terms: string[];
  df: number[];
  passageCount: number;
  totalLength: number;
}

function termStatistics(termLists: readonly (readonly string[])[]): TermStatistics {
  const df = new Map<string, number>();
  let totalLength = 0;
  for (const list of termLists) {
    totalLength += list.length;
    for (const term of termFrequencies(list).keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { terms: [...df.keys()], df: [...df.values()], passageCount: termLists.length, totalLength };
}
