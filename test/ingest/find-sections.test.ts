import { describe, expect, it } from 'vitest';
import { findBylines, findSections } from '../../api/ingest/find-sections.js';
import { sectionAt } from '../../api/records.js';

const text = [
  'Kennisdossier - 8 juni 2020',
  '',
  'Sociale omgeving',
  'De sociale omgeving beïnvloedt gedrag. Dit is een langere zin over gezondheid.',
  '',
  'Armoede uitgelegd aan mensen met geld',
  "Tim 's Jongers, Mei 2024",
  '',
  'Armoede is niet alleen een individueel probleem.',
  '• Een punt in een lijst zonder punt aan het eind',
  'Wat kunt u als gemeente doen?',
  'De gemeente kan bijdragen.',
].join('\n');

describe('findSections', () => {
  const sections = findSections(text);

  it('finds headings, skipping datelines, bylines and bullets', () => {
    expect(sections.map((section) => section.title)).toEqual(['Sociale omgeving', 'Armoede uitgelegd aan mensen met geld', 'Wat kunt u als gemeente doen?']);
  });

  it('records where each heading starts', () => {
    for (const section of sections) expect(text.slice(section.start, section.start + section.title.length)).toBe(section.title);
  });

  it('tells which section an offset falls under', () => {
    expect(sectionAt(sections, 0)).toBeNull();
    expect(sectionAt(sections, text.indexOf('individueel'))).toBe('Armoede uitgelegd aan mensen met geld');
    expect(sectionAt(sections, text.length - 1)).toBe('Wat kunt u als gemeente doen?');
  });
});

describe('findSections with the headings the format marks', () => {
  it('takes a marked heading over the unmarked short line right above it, and keeps a marked title over its subtitle', () => {
    const page = [
      'Index',
      'Voetnoten invoegen',
      'Zo voegt u een voetnoot in',
      'Kies Invoegen - Voetnoot.',
      '',
      'Eindnoten',
      'Een eindnoot staat aan het eind.',
    ].join('\n');
    const marked = new Set(['Voetnoten invoegen', 'Zo voegt u een voetnoot in', 'Eindnoten']);
    expect(findSections(page, marked).map((section) => section.title)).toEqual(['Voetnoten invoegen', 'Eindnoten']);
    expect(findSections(page).map((section) => section.title)).toEqual(['Index', 'Eindnoten']);
  });
});

describe('findBylines', () => {
  const report = [
    'Armoede uitgelegd aan mensen met geld',
    "Tim 's Jongers, Mei 2024",
    '',
    'Armoede is niet alleen een individueel probleem, zegt hij in 2024.',
    'Eindrapportage samenwerking',
    '',
    'Pieter Hilhorst & Mary van den Wijngaart',
    'In opdracht van het Ministerie van Volksgezondheid, Welzijn en Sport, Maart 2024',
    '',
    'https://www.binnenlandsbestuur.nl/sociaal/coalitie',
    'Interview met Andre Rouvoet, Augustus 2024',
    'De gebroken belofte van de rechtsstaat',
    'Juni 2024, Staatscommissie rechtsstaat',
  ].join('\n');
  const bylines = findBylines(report, findSections(report));

  it('finds a name and a date either way round, with the names on the line above but not the title, a sentence or an address', () => {
    expect(bylines.map((byline) => byline.title)).toEqual([
      "Tim 's Jongers, Mei 2024",
      'Pieter Hilhorst & Mary van den Wijngaart, In opdracht van het Ministerie van Volksgezondheid, Welzijn en Sport, Maart 2024',
      'Interview met Andre Rouvoet, Augustus 2024',
      'Juni 2024, Staatscommissie rechtsstaat',
    ]);
  });

  it('says where each takes effect: from the title it stands under, else from its first line', () => {
    expect(bylines.map((byline) => report.slice(byline.start).split('\n')[0])).toEqual([
      'Armoede uitgelegd aan mensen met geld',
      'Eindrapportage samenwerking',
      'Interview met Andre Rouvoet, Augustus 2024',
      'De gebroken belofte van de rechtsstaat',
    ]);
    expect(sectionAt(bylines, report.indexOf('individueel'))).toBe("Tim 's Jongers, Mei 2024");
    // A passage that opens with the title is by the byline under it, not by the one before.
    expect(sectionAt(bylines, report.indexOf('De gebroken belofte'))).toBe('Juni 2024, Staatscommissie rechtsstaat');
  });

  it('lets names on their own line under a title take effect from the title too', () => {
    const handvest = [
      'Handvest Overheid en burger',
      '',
      'Opgesteld naar aanleiding van de wijziging Awb',
      'Vereniging voor bestuursrecht, Juni 2023',
      '',
      'Tekst.',
    ].join('\n');
    expect(findBylines(handvest, findSections(handvest))).toEqual([
      { title: 'Opgesteld naar aanleiding van de wijziging Awb, Vereniging voor bestuursrecht, Juni 2023', start: 0 },
    ]);
  });

  it('finds none in a text without bylines', () => {
    expect(findBylines(text.replace("Tim 's Jongers, Mei 2024", ''), findSections(text))).toEqual([]);
  });
});
