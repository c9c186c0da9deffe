import { describe, expect, it } from 'vitest';
import { answerUnits, hasAskedForm } from '../../api/answer/answer-units.js';
import { answersForm, questionForm } from '../../api/answer/question-form.js';
import { rankCandidates } from '../../api/retrieve/retriever.js';
import { everything, memoryEngine } from '../fixtures/memory-engine.js';

const document =
  'Er zijn drie buurthuizen in de wijk. ' +
  'Elk buurthuis trekt 200 bezoekers per week. ' +
  'In 2020 gaven 5 miljoen mantelzorgers hulp. ' +
  'Van de mantelzorgers is 9% overbelast. ' +
  'Een aanvraag wordt binnen acht weken behandeld door twee loketten. ' +
  'De eigen bijdrage is € 20 per maand voor 300 deelnemers.';
const engine = memoryEngine(document, ['Er zijn', 'Elk buurthuis', 'In 2020', 'Van de', 'Een aanvraag', 'De eigen']);

async function formOf(question: string) {
  const { question: analysed } = await engine.retriever.candidates(question, everything(engine));
  return questionForm(question, analysed.concepts);
}

/** The sentences of the document that have the type of answer the question asks for. */
async function answering(question: string): Promise<string[]> {
  const { question: analysed, passages } = await engine.retriever.candidates(question, everything(engine));
  const form = questionForm(question, analysed.concepts);
  return answerUnits(rankCandidates(passages, engine.model.passage))
    .filter((unit) => unit.kind === 'sentences' && hasAskedForm(unit, form, engine.analyzer))
    .map((unit) => unit.text);
}

describe('the figure a question asks for', () => {
  it('counts the asked thing: "Hoeveel bezoekers" is not answered by three buildings', async () => {
    expect(await formOf('Hoeveel bezoekers komen er in een buurthuis?')).toMatchObject({ form: 'figure', measure: 'count' });
    expect(await answering('Hoeveel bezoekers komen er in een buurthuis?')).toEqual(['Elk buurthuis trekt 200 bezoekers per week.']);
  });

  it('is a share for "welk percentage", also inside a compound', async () => {
    expect(await formOf('Welk percentage van de mantelzorgers is overbelast?')).toMatchObject({ form: 'figure', measure: 'share' });
    expect(await formOf('Welk eenzaamheidspercentage hebben mantelzorgers?')).toMatchObject({ form: 'figure', measure: 'share' });
    expect(await answering('Welk percentage van de mantelzorgers is overbelast?')).toEqual(['Van de mantelzorgers is 9% overbelast.']);
  });

  it('is an amount of money for "hoeveel euro" and "hoeveel kost", a duration for "hoe lang"', async () => {
    expect(await formOf('Hoeveel kost de eigen bijdrage?')).toMatchObject({ form: 'figure', measure: 'money' });
    expect(await answering('Hoeveel euro is de eigen bijdrage voor deelnemers?')).toEqual(['De eigen bijdrage is € 20 per maand voor 300 deelnemers.']);
    expect(await formOf('Hoe lang duurt de behandeling van een aanvraag?')).toMatchObject({ form: 'figure', measure: 'duration' });
    const form = await formOf('Hoe lang duurt de behandeling van een aanvraag?');
    expect(answersForm('Een aanvraag wordt binnen acht weken behandeld.', form, engine.analyzer)).toBe(true);
    expect(answersForm('Een aanvraag gaat langs twee loketten.', form, engine.analyzer)).toBe(false);
  });

  it('is a figure for an age or an amount named by its noun ("tot welke leeftijd", "hoe oud", "welk bedrag")', async () => {
    for (const question of ['Tot welke leeftijd kunnen kinderen meedoen?', 'Hoe oud moet je zijn voor de pas?', 'Welk bedrag krijgt een gezin?'])
      expect((await formOf(question)).form).toBe('figure');
  });

  it('takes any figure where nothing names what is counted', async () => {
    const form = await formOf('Hoeveel zijn het er?');
    expect(form).toMatchObject({ form: 'figure' });
    expect(form.measure).toBeUndefined();
    expect(answersForm('Er zijn drie buurthuizen in de wijk.', form, engine.analyzer)).toBe(true);
  });
});

describe('several things or one', () => {
  it('asks for several things after "welke" with a plural noun, past its adjectives and a number', async () => {
    for (const question of [
      'Welke werkzame elementen hebben ze?',
      'Op welke niveaus moet eenzaamheid worden aangepakt?',
      'Welke vijf stappen noemt zij?',
      'In which fields do residents organise a lot?',
    ])
      expect((await formOf(question)).form).toBe('list');
  });

  it('asks for one thing after "welke" with a singular noun', async () => {
    for (const question of [
      'Welke rol kunnen scholen spelen bij ouders?',
      'Welke weerbaarheidstraining wordt aanbevolen?',
      'Op welke manier kun je inwoners laten meedoen?',
    ])
      expect((await formOf(question)).form).toBe('other');
  });
});

describe('a term to define', () => {
  it('is not a clause opening with a preposition ("Wat is in de aanpak … belangrijk?")', async () => {
    expect((await formOf('Wat is in de aanpak van mantelzorgers het belangrijkst?')).form).not.toBe('definition');
    expect((await formOf('Wat is volgens de stukken de rol van de wijk?')).form).not.toBe('definition');
    expect((await formOf('Wat is een buurthuis?')).form).toBe('definition');
  });

  it('is defined with the phrase it carries and in the past tense ("Doel van de conferentie was …")', async () => {
    const form = await formOf('Wat was het doel van de conferentie?');
    expect(form.form).toBe('definition');
    expect(answersForm('Doel van de conferentie was een gedeeld beeld van de buurt.', form, engine.analyzer)).toBe(true);
    expect(answersForm('Na afloop kreeg de conferentie een ander doel.', form, engine.analyzer)).toBe(false);
  });
});

describe('a time', () => {
  it('answers "wanneer" with a date, a year, a day of the week or an hour', async () => {
    const form = await formOf('Wanneer is het steunpunt open?');
    expect(form.form).toBe('time');
    for (const sentence of [
      'Het steunpunt is op werkdagen open van negen tot vijf.',
      'Het opende in 2021.',
      'Op dinsdag kunt u langskomen.',
      'Open vanaf 9.00 uur.',
    ])
      expect(answersForm(sentence, form, engine.analyzer)).toBe(true);
    expect(answersForm('Het steunpunt is voor mantelzorgers.', form, engine.analyzer)).toBe(false);
  });
});

describe('a reason', () => {
  it('answers "waarom" with a sentence that gives a cause, by any of the connectives', async () => {
    const form = await formOf('Waarom staan ouders open voor contact met school?');
    expect(form.form).toBe('reason');
    for (const sentence of [
      'Ouders willen het beste voor hun kinderen en staan daarom open voor contact met school.',
      'Ouders staan open voor contact omdat zij het beste willen voor hun kinderen.',
      'Dankzij de school leren ouders andere ouders kennen.',
      'De reden is dat ouders het beste willen voor hun kinderen.',
    ])
      expect(answersForm(sentence, form, engine.analyzer)).toBe(true);
    expect(answersForm('Ouders hebben contact met school.', form, engine.analyzer)).toBe(false);
  });
});
