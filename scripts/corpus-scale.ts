// npm run corpus:scale — fetches the scale corpus: the Dutch HTML help pages of LibreOffice and
// GIMP (3,246 pages, about 2 M tokens), from Debian's packages libreoffice-help-nl and
// gimp-help-nl, the only place they come from. They are unpacked under data/scale/ (outside
// git) next to a copy of the bundled corpus, so one folder holds both.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

const PACKAGES = { libreoffice: 'libreoffice-help-nl', gimp: 'gimp-help-nl' } as const;
const HELP_ROOTS = { libreoffice: 'usr/share/libreoffice/help/nl', gimp: 'usr/share/gimp/2.0/help/nl' } as const;
const root = resolve('data', 'scale');
const corpus = join(root, 'corpus');

const hasCommand = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
if (!hasCommand('apt-get') || !hasCommand('dpkg-deb')) {
  console.error('De schaalcorpus komt uit Debians pakketten libreoffice-help-nl en gimp-help-nl; daarvoor zijn apt-get en dpkg-deb nodig (Debian of Ubuntu).');
  process.exit(1);
}

const downloads = join(root, 'packages');
await mkdir(downloads, { recursive: true });
await rm(corpus, { recursive: true, force: true });
await mkdir(corpus, { recursive: true });
for (const [name, pkg] of Object.entries(PACKAGES) as [keyof typeof PACKAGES, string][]) {
  if (!(await readdir(downloads)).some((file) => file.startsWith(`${pkg}_`))) {
    console.log(`${pkg} downloaden …`);
    execFileSync('apt-get', ['download', pkg], { cwd: downloads, stdio: 'pipe' });
  }
  const deb = (await readdir(downloads)).find((file) => file.startsWith(`${pkg}_`) && file.endsWith('.deb'))!;
  const unpacked = join(root, 'unpacked', name);
  await rm(unpacked, { recursive: true, force: true });
  await mkdir(unpacked, { recursive: true });
  execFileSync('dpkg-deb', ['-x', join(downloads, deb), unpacked]);
  const pages = await copyHtml(join(unpacked, HELP_ROOTS[name]), join(corpus, name));
  console.log(`${name}: ${pages} pagina's`);
}
// A copy, not a link: a build reads no link that leads out of its corpus folder.
await cp(resolve('corpus'), join(corpus, 'bundled'), { recursive: true });

console.log(`\nDe schaalcorpus staat in ${relative(process.cwd(), corpus)} (met de gebundelde documenten in bundled/).`);
console.log(`Bouwen en bevragen:\n  CORPUS_DIR=${relative(process.cwd(), corpus)} INDEX_DIR=data/scale/index npm run build:index`);
console.log(`  CORPUS_DIR=${relative(process.cwd(), corpus)} INDEX_DIR=data/scale/index npm run eval -- --cv`);

async function copyHtml(from: string, to: string): Promise<number> {
  if (!existsSync(from)) throw new Error(`${from} ontbreekt in het pakket; is de paketstructuur veranderd?`);
  let count = 0;
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const source = join(entry.parentPath, entry.name);
    await cp(source, join(to, relative(from, source)));
    count++;
  }
  return count;
}
