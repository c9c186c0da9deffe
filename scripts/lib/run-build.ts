// Runs an index build in the terminal: a progress bar per stage, a line per skipped file and a
// summary at the end.
import cliProgress from 'cli-progress';
import { buildFromEnv } from '../../api/build/build-from-env.js';
import type { IndexManifest } from '../../api/contract.js';
import { buildSettings, type Env } from '../../api/env.js';
import { messages } from '../../api/messages.js';
import { configuredStore } from '../../api/store/configured.js';

export async function runBuild(env: Env): Promise<IndexManifest> {
  const settings = buildSettings(env);
  const bar = new cliProgress.SingleBar(
    { format: '  {stage} |{bar}| {value}/{total} {detail}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const warnings: string[] = [];
  let active = false;
  const store = configuredStore(env);
  console.log(`Index bouwen uit ${settings.corpusDir}${env.STORE === 'postgres' ? ' naar PostgreSQL' : ''} …`);
  try {
    const manifest = await buildFromEnv(env, {
      writer: store.writer,
      onStage(stage, total) {
        if (active) bar.stop();
        bar.start(total, 0, { stage: stage.padEnd(22), detail: '' });
        active = true;
      },
      onProgress: (done, detail = '') => bar.update(done, { detail }),
      onWarning: (message) => warnings.push(message),
    });
    bar.stop();
    active = false;
    for (const warning of warnings) console.warn(`⚠ ${warning}`);
    const { counts, modes, buildSeconds, reused, processed, skipped, scans } = manifest;
    console.log(
      `\nKlaar: ${counts.documents} documenten (${processed} verwerkt, ${reused} ongewijzigd), ${counts.chunks} passages, ${counts.tokens} tokens in ${buildSeconds} s. ` +
        `Zoekmodi: ${modes.includes('dense') ? 'hybride (lexicaal + semantisch)' : 'alleen lexicaal'}.` +
        (skipped.length > 0 ? ` ${skipped.length} bestand(en) overgeslagen.` : '') +
        (scans.length > 0
          ? ` ${messages.recognisedPages(
              scans.reduce((sum, scan) => sum + scan.pages, 0),
              scans.length,
            )}`
          : ''),
    );
    return manifest;
  } finally {
    if (active) bar.stop();
    await store.source.close();
  }
}
