// Minimal typing for nspell (the package ships none): only what Bronwijzer calls.
declare module 'nspell' {
  interface Dictionary {
    aff: Uint8Array;
    dic?: Uint8Array;
  }
  interface NSpell {
    correct(word: string): boolean;
    suggest(word: string): string[];
  }
  export default function nspell(dictionary: Dictionary): NSpell;
}
