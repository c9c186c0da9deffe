// npm run data:english-dictionary [-- FILE.dict.dz]: derives api/language/data/freedict-eng-nld.json
// from FreeDict's English-Dutch dictionary as Debian ships it (package dict-freedict-eng-nld,
// GPL-2.0+). Without a file it reads the installed package, or fetches it with apt-get download.
// The result is committed, so a user's machine never needs apt or the network for it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseDictdEntries } from './lib/dictd.js';

const PACKAGE = 'dict-freedict-eng-nld';
const INSTALLED = '/usr/share/dictd/freedict-eng-nld';
const OUTPUT = join(import.meta.dirname, '..', 'api', 'language', 'data', 'freedict-eng-nld.json');

function packageFiles(): string {
  const given = process.argv[2];
  if (given) return given.replace(/\.dict\.dz$/, '');
  if (existsSync(`${INSTALLED}.index`)) return INSTALLED;
  const dir = mkdtempSync(join(tmpdir(), 'freedict-'));
  try {
    execFileSync('apt-get', ['download', PACKAGE], { cwd: dir, stdio: 'inherit' });
  } catch {
    console.error(`${PACKAGE} kon niet worden opgehaald: apt-get download vraagt om Debian of Ubuntu met toegang tot de pakketbronnen.`);
    process.exit(1);
  }
  const deb = readdirSync(dir).find((file) => file.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download gave no .deb in ${dir}`);
  execFileSync('dpkg-deb', ['-x', deb, 'unpacked'], { cwd: dir });
  return join(dir, 'unpacked', INSTALLED);
}

const base = packageFiles();
const index = await readFile(`${base}.index`, 'utf8');
const data = gunzipSync(await readFile(`${base}.dict.dz`)); // dictzip is gzip with a seek table
const dictionary = parseDictdEntries(index, data);
const sorted = Object.fromEntries([...dictionary].sort(([a], [b]) => a.localeCompare(b)));
await writeFile(OUTPUT, `${JSON.stringify(sorted)}\n`);
console.log(`${dictionary.size} Engelse woorden met Nederlandse vertalingen geschreven naar ${OUTPUT}`);
