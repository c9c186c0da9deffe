import { describe, expect, it } from 'vitest';
import { englishDictionary } from '../../api/language/english-dictionary.js';
import { dictdNumber, parseDictdEntries, translationsOf } from '../../scripts/lib/dictd.js';

describe('reading a dictd dictionary (FreeDict English-Dutch)', () => {
  it('decodes dictd base-64 offsets', () => {
    expect(dictdNumber('A')).toBe(0);
    expect(dictdNumber('iq')).toBe(34 * 64 + 42);
    expect(() => dictdNumber('a!')).toThrow(/base-64/);
  });

  it('takes every sense, drops glosses and combining forms, and writes ij for the ligature', () => {
    expect(translationsOf('able /eibl/\n1. in staat om\n2. bereid\n')).toEqual(['in staat om', 'bereid']);
    expect(translationsOf('hop /hɔp/\n2. hop, hop (plant)\nlinde‐, linden‐\n')).toEqual(['hop', 'hop']);
    expect(translationsOf('always /ɔːlweiz/\naltĳd, immer\n')).toEqual(['altijd', 'immer']);
    expect(translationsOf('ago /əgɔ/\n\n')).toEqual([]);
  });

  it('keeps headwords the dictionary accepts, with their translations', () => {
    const entries = ['poverty /pɔvətiː/\narmoede, gebrek\n', 'ago /əgɔ/\n\n', 'Mr. /mr/\nmeneer\n'];
    const encoder = new TextEncoder();
    const data = encoder.encode(entries.join(''));
    let offset = 0;
    const index = ['00databaseinfo\tA\tB'];
    for (const entry of entries) {
      const length = encoder.encode(entry).length;
      index.push(`${entry.split(' ')[0]}\t${base64(offset)}\t${base64(length)}`);
      offset += length;
    }
    expect([...parseDictdEntries(index.join('\n'), data)]).toEqual([['poverty', ['armoede', 'gebrek']]]);
  });

  it('the committed word list loads and validates', () => {
    expect(englishDictionary().get('poverty')).toEqual(['armoede', 'gebrek']);
    expect(englishDictionary().size).toBeGreaterThan(5000);
  });
});

function base64(value: number): string {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let text = '';
  do {
    text = digits[value % 64] + text;
    value = Math.floor(value / 64);
  } while (value > 0);
  return text;
}
