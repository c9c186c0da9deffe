// The build code's fingerprint: it follows every file's path and content, and nothing else.
import { mkdir, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_CODE_PATHS, buildCodeFingerprint, sourceFingerprint } from '../../api/build/build-code.js';

async function sourceTree() {
  const root = await mkdtemp(join(tmpdir(), 'bronwijzer-code-'));
  await mkdir(join(root, 'api', 'language', 'data'), { recursive: true });
  await writeFile(join(root, 'api', 'language', 'dutch-analyzer.ts'), "const STOPWORDS = ['de', 'het'];");
  await writeFile(join(root, 'api', 'language', 'data', 'glossary.json'), '{}');
  await writeFile(join(root, 'api', 'records.ts'), 'export {};');
  return root;
}

describe('the build code fingerprint', () => {
  it('stays the same while nothing changes, whatever order the paths are listed in', async () => {
    const root = await sourceTree();
    expect(sourceFingerprint(root, ['api/language', 'api/records.ts'])).toBe(sourceFingerprint(root, ['api/records.ts', 'api/language']));
  });

  it("changes with a file's content, a new file in a folder and a renamed file", async () => {
    const root = await sourceTree();
    const paths = ['api/language', 'api/records.ts'];
    const seen = new Set([sourceFingerprint(root, paths)]);
    await writeFile(join(root, 'api', 'language', 'dutch-analyzer.ts'), "const STOPWORDS = ['de', 'het', 'kun'];");
    seen.add(sourceFingerprint(root, paths));
    await writeFile(join(root, 'api', 'language', 'data', 'lexicon.json'), '[]');
    seen.add(sourceFingerprint(root, paths));
    await rename(join(root, 'api', 'language', 'data', 'lexicon.json'), join(root, 'api', 'language', 'data', 'words.json'));
    seen.add(sourceFingerprint(root, paths));
    expect(seen.size).toBe(4);
  });

  it("covers this checkout's analyzer and cleaning code", () => {
    expect(BUILD_CODE_PATHS).toEqual(expect.arrayContaining(['api/language', 'api/ingest', 'api/chunk']));
    expect(buildCodeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
