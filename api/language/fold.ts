// Normalises words for matching: lower case, no diacritics, the Dutch "ĳ" ligature spelled out.
const COMBINING_MARKS = /\p{M}+/gu;

export function foldDiacritics(text: string): string {
  // Most words of a Dutch text are plain ASCII, which is its own decomposition: nothing to fold.
  if (isAscii(text)) return text;
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/ĳ/g, 'ij').replace(/Ĳ/g, 'IJ');
}

export function foldWord(word: string): string {
  return foldDiacritics(word).toLowerCase();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
