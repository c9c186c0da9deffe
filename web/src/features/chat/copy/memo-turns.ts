// What the memo export sends for answered turns (one definition, beside the export's contract),
// and how the file it returns is offered.
export { memoTurn } from '../../../../../api/export/memo-turn';

/** Offers a file as a download, as a link with `download` does. */
export function download(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
