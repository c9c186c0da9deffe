// Runs an index build in the terminal: a progress bar per stage and a summary at the end.
import cliProgress from 'cli-progress';
import { buildIndex } from '../../api/build/build-index.js';
import type { ChunkSettings } from '../../api/chunk/chunk-document.js';
import type { IndexManifest } from '../../api/contract.js';
import type { ModelSettings } from '../../api/embed/model-files.js';
import { loadDutchAnalyzer } from '../../api/language/load-analyzer.js';
import { embeddedIndexWriter } from '../../api/store/embedded/embedded-writer.js';

export async function runBuild(corpusDir: string, indexDir: string, model: ModelSettings, chunking: ChunkSettings): Promise<IndexManifest> {
  const bar = new cliProgress.SingleBar(
    { format: '  {stage} |{bar}| {value}/{total}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const warnings: string[] = [];
  let active = false;
  console.log(`Index bouwen uit ${corpusDir} …`);
  try {
    const manifest = await buildIndex({
      corpusDir,
      model,
      analyzer: loadDutchAnalyzer(),
      writer: embeddedIndexWriter(indexDir),
      chunking,
      onStage(stage, total) {
        if (active) bar.stop();
        bar.start(total, 0, { stage: stage.padEnd(20) });
        active = true;
      },
      onProgress: (done) => bar.update(done),
      onWarning: (message) => warnings.push(message),
    });
    bar.stop();
    for (const warning of warnings) console.warn(`\n⚠ ${warning}`);
    const { counts, modes, buildSeconds } = manifest;
    console.log(
      `\nKlaar: ${counts.documents} documenten, ${counts.chunks} passages, ${counts.tokens} tokens in ${buildSeconds} s. ` +
        `Zoekmodi: ${modes.includes('dense') ? 'hybride (lexicaal + semantisch)' : 'alleen lexicaal'}.`,
    );
    return manifest;
  } finally {
    if (active) bar.stop();
  }
}
