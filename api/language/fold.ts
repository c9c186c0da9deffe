// Normalises words for matching: lower case, no diacritics, the Dutch "ĳ" ligature spelled out.
const COMBINING_MARKS = /\p{M}+/gu;

export function foldDiacritics(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/ĳ/g, 'ij').replace(/Ĳ/g, 'IJ');
}

export function foldWord(word: string): string {
  return foldDiacritics(word).toLowerCase();
}
