// What the verdict does to the answer's composition: a confident answer keeps a second unit only
// when the ranker rates it nearly as high as the best; a partial one shows the two best units.
import { describe, expect, it } from 'vitest';
import { assessAnswerability, readQuestion } from '../../api/answer/answerability.js';
import { JOIN_SHARE } from '../../api/answer/compose.js';
import type { FittedModel } from '../../api/learn/fitted-model.js';
import { everything, memoryEngine } from '../fixtures/memory-engine.js';

const document =
  'Respijtzorg is het tijdelijk overnemen van de zorg, zodat de mantelzorger even op adem kan komen.\n\n' +
  'Mantelzorgers kunnen bij het steunpunt terecht voor advies.\n\n' +
  'De gemeente organiseert jaarlijks een dag voor mantelzorgers.';
const engine = memoryEngine(document, ['Respijtzorg is', 'Mantelzorgers kunnen', 'De gemeente']);

/** The committed model with the verdict's calibrations fixed: every answer gets these probabilities. */
function verdictAt(holds: number, answerable: number): FittedModel {
  const model = engine.model;
  const fixed = (probability: number) => [{ logOdds: 0, probability }];
  return {
    ...model,
    verdict: {
      holds: { ...model.verdict.holds, calibration: fixed(holds) },
      answerable: { ...model.verdict.answerable, calibration: fixed(answerable) },
    },
  };
}

describe('the composed answer and the verdict', () => {
  it('keeps a confident answer to its best unit and shows a partial one its two best', async () => {
    const { retrieval } = await readQuestion(engine, 'Wat is respijtzorg voor mantelzorgers?', 5, everything(engine));
    const confident = assessAnswerability(retrieval, engine.analyzer, verdictAt(0.99, 0.99));
    const [best, second] = confident.ranked;
    expect(second!.probability).toBeLessThan(best!.probability * JOIN_SHARE); // too weak to join a confident answer
    expect(confident.verdict).toBe('answer');
    expect(confident.answer.map((scored) => scored.unit.text)).toEqual([best!.unit.text]);

    const unsure = assessAnswerability(retrieval, engine.analyzer, verdictAt(0.5, 0.95));
    expect(unsure.verdict).toBe('partial');
    expect(unsure.answer[0]!.unit.text).toBe(best!.unit.text);
    expect(unsure.answer).toHaveLength(2);
    // The verdict's features are those of the answer composed as a confident one.
    expect(unsure.features).toEqual(confident.features);
  });

  it('composes nothing more for a decline', async () => {
    const { retrieval } = await readQuestion(engine, 'Wat is respijtzorg voor mantelzorgers?', 5, everything(engine));
    const declined = assessAnswerability(retrieval, engine.analyzer, verdictAt(0.05, 0.1));
    expect(declined.verdict).toBe('decline');
    expect(declined.answer.length).toBeLessThanOrEqual(1);
  });
});
