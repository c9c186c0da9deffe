// Decides whether the current index still matches the corpus and the configured model.
import type { ChunkSettings } from '../chunk/chunk-document.js';
import type { IndexManifest } from '../contract.js';
import { INDEX_FORMAT_VERSION } from './built-index.js';

export interface ExpectedIndex {
  corpusHash: string;
  modelId: string;
  dtype: string;
  weightsAvailable: boolean;
  chunking: ChunkSettings;
  /** Whether scanned pages are to be recognised (OCR). */
  ocr: boolean;
  /** What this checkout's build code makes of a document (build-code.ts). */
  buildCode: string;
}

/** Why the index must be rebuilt; empty when it is up to date. */
export function staleReasons(manifest: IndexManifest | null, expected: ExpectedIndex): string[] {
  if (!manifest) return ['er is nog geen index'];
  const reasons: string[] = [];
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) reasons.push('het indexformaat is gewijzigd');
  if (manifest.corpusHash !== expected.corpusHash) reasons.push('de documenten in de corpusmap zijn gewijzigd');
  if (manifest.model.id !== expected.modelId || manifest.model.dtype !== expected.dtype) {
    reasons.push(`het embeddingmodel is gewijzigd (${manifest.model.id} → ${expected.modelId})`);
  }
  if (!manifest.modes.includes('dense') && expected.weightsAvailable) reasons.push('de modelgewichten zijn nu beschikbaar');
  if (manifest.chunking.chunkTokens !== expected.chunking.chunkTokens || manifest.chunking.overlapTokens !== expected.chunking.overlapTokens) {
    reasons.push('de chunkinstellingen zijn gewijzigd');
  }
  if (manifest.ocr !== expected.ocr) reasons.push(expected.ocr ? 'tekstherkenning (OCR) staat nu aan' : 'tekstherkenning (OCR) staat nu uit');
  if (manifest.buildCode !== expected.buildCode) reasons.push('de verwerking van documenten is gewijzigd (lezen, opschonen, opdelen of analyseren)');
  return reasons;
}
