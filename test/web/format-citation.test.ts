import { describe, expect, it } from 'vitest';
import type { AskResponse, Citation, DocumentSummary } from '../../api/contract.js';
import { formatAnswer } from '../../web/src/features/chat/copy/format-citation.js';

const cite = (n: number, documentId: string, title: string, section: string, start: number, attribution: string | null = null): Citation => ({
  n,
  passageId: `${documentId}:0`,
  documentId,
  title,
  section,
  quote: `Zin ${n}.`,
  start,
  end: start + 6,
  url: `/documents/${documentId}#${start}-${start + 6}`,
  recognised: null,
  attribution,
});

describe('copying an answer for a memo', () => {
  it('gives each document one footnote, shared by its adjacent sentences, without repeating the quotes, naming whom the quoted text is by', () => {
    const response: AskResponse = {
      answered: true,
      answer: 'Zin 1. [1] Zin 2. [2] Zin 3. [3] Zin 4. [4]',
      mode: 'extractive',
      confidence: 'high',
      citations: [
        cite(1, 'a', 'Kennisdossier', 'Mantelzorg', 10),
        cite(2, 'a', 'Kennisdossier', 'Respijtzorg', 50),
        cite(3, 'b', 'Visie Sociaal Domein', 'Armoede', 5, 'Tim Jongers, Mei 2024'),
        cite(4, 'a', 'Kennisdossier', 'Mantelzorg', 90),
      ],
      passages: [],
    };
    const catalog = new Map<string, DocumentSummary>([
      ['a', { id: 'a', title: 'Kennisdossier', collection: 'alle', source: 'Gezond in…', date: '2020-06-08', kind: 'pdf', chunks: 3, scannedPages: 0 }],
    ]);
    const { plain, html } = formatAnswer(response, catalog, 'https://bronwijzer.gemeente.nl');
    expect(plain).toBe(
      [
        'Zin 1. Zin 2. [1] Zin 3. [2] Zin 4. [1]',
        '',
        'Bronnen:',
        '[1] Kennisdossier, Gezond in…, 8 juni 2020, paragraaf “Mantelzorg”, “Respijtzorg”. https://bronwijzer.gemeente.nl/documents/a#10-16',
        '[2] Tim Jongers, Mei 2024, in: Visie Sociaal Domein, paragraaf “Armoede”. https://bronwijzer.gemeente.nl/documents/b#5-11',
      ].join('\n'),
    );
    expect(html).toContain('<li value="2">Tim Jongers, Mei 2024, in: Visie Sociaal Domein');
    expect(html.match(/<li/g)).toHaveLength(2);
  });
});
