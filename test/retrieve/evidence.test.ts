import { describe, expect, it } from 'vitest';
import { everything, memoryEngine } from '../fixtures/memory-engine.js';

const engine = memoryEngine(
  'Wijkteams werken samen met de huisarts. Het Sociaal en Cultureel Planbureau (SCP) onderzoekt eenzaamheid. Teams in Breda overleggen wekelijks.',
  ['Wijkteams', 'Het Sociaal', 'Teams in'],
);

async function missing(question: string): Promise<Record<string, string[]>> {
  const { passages } = await engine.retriever.candidates(question, everything(engine));
  return Object.fromEntries(passages.map((candidate) => [candidate.passage.text.split(' ')[0]!, candidate.evidence.anchorsMissing]));
}

describe('anchors in the evidence', () => {
  it('must stand as words of their own: "Teams" is not in "wijkteams"', async () => {
    const found = await missing('Hoe deel ik een bestand via Teams?');
    expect(found.Wijkteams).toEqual(['Teams']);
    expect(found.Teams).toEqual([]);
  });

  it('may be an acronym the passage spells out', async () => {
    expect((await missing('Wat onderzoekt het SCP naar eenzaamheid?')).Het).toEqual([]);
  });
});
