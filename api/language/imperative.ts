// Whether a word is a Dutch verb in the imperative ("Negeer", "Zet", "Maak"): a verb's stem,
// which the word list tells by its infinitive, with the spelling rules between them: a doubled
// consonant after a short vowel (zet → zetten), a long vowel written single in an open syllable
// (maak → maken), and f/s voiced before a vowel (geef → geven, kies → kiezen).

export function isImperative(word: string, isWord: (word: string) => boolean): boolean {
  return infinitivesOf(word.toLowerCase()).some(isWord);
}

/** The infinitives a stem could belong to. */
export function infinitivesOf(stem: string): string[] {
  if (stem.length < 3 || !/^\p{L}+$/u.test(stem) || /(en|e)$/.test(stem)) return [];
  const forms = [`${stem}en`, `${stem}${stem.at(-1)}en`];
  const voiced = stem.replace(/f$/, 'v').replace(/s$/, 'z');
  const long = /^(.*[^aeiou])(aa|ee|oo|uu)([^aeiou])$/.exec(voiced);
  if (long) forms.push(`${long[1]}${long[2]![0]}${long[3]}en`);
  if (voiced !== stem) forms.push(`${voiced}en`);
  return forms;
}
