// One build in PostgreSQL as the store the retriever and the document catalogue talk to. The
// build's vocabulary (terms and how many passages hold each) is read once when the build is
// opened; a question reads only the postings of its own terms and is ranked by the same BM25 as
// the embedded index (index/bm25.ts), positions and all, so both stores give the same answers.
// A scope reads only its collections' postings, vectors and documents, weighed by their own
// statistics (build_collections, build_collection_terms).

/** Scopes whose statistics are kept: the combinations of collections callers have, in practice few. */
const KEPT_SCOPES = 32;

import type pg from 'pg';
import { type Scope, scopeKey } from '../../access/scope.js';
import { assertIndexFormat } from '../../build/built-index.js';
import type { DocumentSummary, IndexManifest } from '../../contract.js';
import { indexManifestSchema } from '../../contract.js';
import { AppError } from '../../errors.js';
import { rankByBm25 } from '../../index/bm25.js';
import { createVocabulary, type Vocabulary } from '../../index/vocabulary.js';
import { messages } from '../../messages.js';
import { type PassageRecord, parsePassageId, passageId, type RecognisedPage, type Section } from '../../records.js';
import type { IndexStore } from '../store.js';
import { readOnly } from './pool.js';
import { PGVECTOR_SETTINGS } from './postgres-writer.js';

/** The live build's id, or null before the first build. */
export async function liveBuild(pool: pg.Pool): Promise<string | null> {
  return readOnly(pool, async (client) => {
    const exists = (await client.query<{ ok: boolean }>("SELECT to_regclass('live_build') IS NOT NULL AS ok")).rows[0]?.ok;
    if (!exists) return null;
    return (await client.query<{ build_id: string }>('SELECT build_id::text FROM live_build')).rows[0]?.build_id ?? null;
  });
}

export async function openPostgresStore(pool: pg.Pool, buildId: string): Promise<IndexStore> {
  const { build, terms, collections } = await readOnly(pool, async (client) => ({
    build: await client.query<{ manifest: unknown; passage_count: number; total_length: string }>(
      'SELECT manifest, passage_count, total_length FROM builds WHERE id = $1',
      [buildId],
    ),
    terms: await client.query<{ term: string; df: number }>('SELECT term, df FROM build_terms WHERE build_id = $1', [buildId]),
    collections: await client.query<{ collection: string; passage_count: number; total_length: string }>(
      'SELECT collection, passage_count, total_length FROM build_collections WHERE build_id = $1',
      [buildId],
    ),
  }));
  const row = build.rows[0];
  if (!row) throw new AppError('index_missing', messages.indexMissing);
  assertIndexFormat(row.manifest);
  const parsed = indexManifestSchema.safeParse(row.manifest);
  if (!parsed.success) throw new AppError('index_damaged', messages.indexDamaged(`build ${buildId}: manifest`));
  const manifest: IndexManifest = parsed.data;
  const whole = {
    vocabulary: createVocabulary(new Map(terms.rows.map(({ term, df }) => [term, df])), row.passage_count),
    averageLength: Number(row.total_length) / Math.max(1, row.passage_count),
  };
  const sizes = new Map(collections.rows.map((entry) => [entry.collection, { passages: entry.passage_count, length: Number(entry.total_length) }]));
  const dimensions = manifest.modes.includes('dense') ? manifest.model.dimensions : null;
  // A scope's statistics: the whole build's when it holds every collection, else summed from its collections'.
  const views = new Map<string, Promise<{ vocabulary: Vocabulary; averageLength: number }>>();
  const viewOf = (scope: Scope) => {
    if (sizes.size > 0 && [...sizes.keys()].every((collection) => scope.includes(collection))) return Promise.resolve(whole);
    const key = scopeKey(scope);
    let view = views.get(key);
    if (!view) {
      view = readOnly(pool, (client) =>
        client.query<{ term: string; df: number }>(
          'SELECT term, sum(df)::int AS df FROM build_collection_terms WHERE build_id = $1 AND collection = ANY($2) GROUP BY term',
          [buildId, scope],
        ),
      ).then(({ rows }) => {
        const passages = scope.reduce((sum, collection) => sum + (sizes.get(collection)?.passages ?? 0), 0);
        const length = scope.reduce((sum, collection) => sum + (sizes.get(collection)?.length ?? 0), 0);
        return { vocabulary: createVocabulary(new Map(rows.map(({ term, df }) => [term, df])), passages), averageLength: length / Math.max(1, passages) };
      });
      view.catch(() => views.delete(key));
      if (views.size >= KEPT_SCOPES) views.delete(views.keys().next().value!);
      views.set(key, view);
    }
    return view;
  };

  return {
    manifest,
    modes: dimensions ? ['lexical', 'dense'] : ['lexical'],
    vocabulary: async (scope) => (await viewOf(scope)).vocabulary,

    async searchLexical(concepts, limit, scope) {
      const { vocabulary, averageLength } = await viewOf(scope);
      const wanted = [...new Set(concepts.flatMap((concept) => concept.alternatives.flatMap((alternative) => alternative.terms)))].filter((term) =>
        vocabulary.has(term),
      );
      if (wanted.length === 0) return [];
      const { rows } = await readOnly(pool, (client) =>
        client.query<{ term: string; position: number; frequency: number; term_count: number; document_id: string; chunk_no: number }>(
          `SELECT p.term, b.first_position + p.chunk_no AS position, p.frequency, s.term_count, b.document_id, p.chunk_no
           FROM postings p
           JOIN build_documents b ON b.document_key = p.document_key AND b.build_id = $1
           JOIN passages s ON s.document_key = p.document_key AND s.chunk_no = p.chunk_no
           WHERE p.term = ANY($2) AND b.collection = ANY($3)
           ORDER BY position`,
          [buildId, wanted, scope],
        ),
      );
      const postings = new Map<string, { positions: number[]; frequencies: number[] }>();
      const lengths = new Map<number, number>();
      const ids = new Map<number, string>();
      for (const { term, position, frequency, term_count, document_id, chunk_no } of rows) {
        let list = postings.get(term);
        if (!list) {
          list = { positions: [], frequencies: [] };
          postings.set(term, list);
        }
        list.positions.push(position);
        list.frequencies.push(frequency);
        lengths.set(position, term_count);
        ids.set(position, passageId(document_id, chunk_no));
      }
      const ranked = rankByBm25(
        concepts,
        { passageCount: vocabulary.passageCount, averageLength, postings: (term) => postings.get(term) ?? null, length: (position) => lengths.get(position)! },
        limit,
      );
      return ranked.map(({ position, score }) => ({ id: ids.get(position)!, score }));
    },

    async termsInDocuments(documentIds, terms, scope) {
      const held = new Map<string, Set<string>>();
      if (documentIds.length === 0 || terms.length === 0) return held;
      const { rows } = await readOnly(pool, (client) =>
        client.query<{ document_id: string; term: string }>(
          `SELECT DISTINCT b.document_id, p.term
           FROM postings p
           JOIN build_documents b ON b.document_key = p.document_key AND b.build_id = $1
           WHERE p.term = ANY($2) AND b.document_id = ANY($3) AND b.collection = ANY($4)`,
          [buildId, [...new Set(terms)], [...new Set(documentIds)], scope],
        ),
      );
      for (const { document_id, term } of rows) {
        const found = held.get(document_id);
        if (found) found.add(term);
        else held.set(document_id, new Set([term]));
      }
      return held;
    },

    async searchDense(vector, limit, scope) {
      if (!dimensions || scope.length === 0) return [];
      const literal = `[${Array.from(vector).join(',')}]`;
      const rows = await readOnly(pool, async (client) => {
        await client.query(`SET LOCAL hnsw.ef_search = ${PGVECTOR_SETTINGS.efSearch}`);
        const result = await client.query<{ document_id: string; chunk_no: number; similarity: number }>(
          `SELECT b.document_id, s.chunk_no, 1 - ((s.embedding::vector(${dimensions})) <=> $2::vector(${dimensions})) AS similarity
             FROM passages s
             JOIN build_documents b ON b.document_key = s.document_key AND b.build_id = $1
             WHERE vector_dims(s.embedding) = ${dimensions} AND b.collection = ANY($4)
             ORDER BY (s.embedding::vector(${dimensions})) <=> $2::vector(${dimensions})
             LIMIT $3`,
          [buildId, literal, limit, scope],
        );
        return result.rows;
      });
      return rows.map((found) => ({ id: passageId(found.document_id, found.chunk_no), similarity: Number(found.similarity) }));
    },

    async passages(wanted, scope) {
      const keys = wanted.map(parsePassageId).filter((key): key is { documentId: string; chunkNo: number } => key !== null);
      if (keys.length === 0) return [];
      const { rows } = await readOnly(pool, (client) =>
        client.query<{
          document_id: string;
          chunk_no: number;
          start_offset: number;
          end_offset: number;
          text: string;
          section: string | null;
          headings: Section[];
          attribution: string | null;
          bylines: Section[];
          recognised: RecognisedPage[];
          title: string;
        }>(
          `SELECT b.document_id, s.chunk_no, s.start_offset, s.end_offset, s.text, s.section, s.headings, s.attribution, s.bylines, s.recognised, d.title
           FROM unnest($2::text[], $3::int[]) AS w (document_id, chunk_no)
           JOIN build_documents b ON b.build_id = $1 AND b.document_id = w.document_id AND b.collection = ANY($4)
           JOIN passages s ON s.document_key = b.document_key AND s.chunk_no = w.chunk_no
           JOIN documents d ON d.key = b.document_key`,
          [buildId, keys.map((key) => key.documentId), keys.map((key) => key.chunkNo), scope],
        ),
      );
      const found = new Map(
        rows.map((passage): [string, PassageRecord] => {
          const id = passageId(passage.document_id, passage.chunk_no);
          return [
            id,
            {
              id,
              documentId: passage.document_id,
              documentTitle: passage.title,
              start: passage.start_offset,
              end: passage.end_offset,
              text: passage.text,
              section: passage.section,
              headings: passage.headings,
              attribution: passage.attribution,
              bylines: passage.bylines,
              recognised: passage.recognised,
            },
          ];
        }),
      );
      return wanted.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
    },

    async listDocuments(scope) {
      const { rows } = await readOnly(pool, (client) =>
        client.query<DocumentRow>(
          `SELECT d.id, d.title, b.collection, d.source, d.date, d.kind, d.passage_count, jsonb_array_length(d.recognised) AS scanned_pages FROM build_documents b JOIN documents d ON d.key = b.document_key
           WHERE b.build_id = $1 AND b.collection = ANY($2) ORDER BY b.ordinal`,
          [buildId, scope],
        ),
      );
      return rows.map(summary);
    },

    async getDocument(id, scope) {
      const { rows } = await readOnly(pool, (client) =>
        client.query<DocumentRow & { text: string; sections: Section[]; recognised: RecognisedPage[] }>(
          `SELECT d.id, d.title, b.collection, d.source, d.date, d.kind, d.passage_count, jsonb_array_length(d.recognised) AS scanned_pages, d.text, d.sections, d.recognised FROM build_documents b JOIN documents d ON d.key = b.document_key
           WHERE b.build_id = $1 AND b.document_id = $2 AND b.collection = ANY($3)`,
          [buildId, id, scope],
        ),
      );
      const document = rows[0];
      return document
        ? {
            ...summary(document),
            text: document.text,
            sections: document.sections.map(({ title, start }) => ({ title, start })),
            recognised: document.recognised,
          }
        : null;
    },
  };
}

interface DocumentRow {
  id: string;
  title: string;
  collection: string;
  source: string | null;
  date: string | null;
  kind: DocumentSummary['kind'];
  passage_count: number;
  scanned_pages: number;
}

function summary({ id, title, collection, source, date, kind, passage_count, scanned_pages }: DocumentRow): DocumentSummary {
  return { id, title, collection, source, date, kind, chunks: passage_count, scannedPages: scanned_pages };
}
