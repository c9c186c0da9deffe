import { describe, expect, it } from 'vitest';
import { personalWorkplaceTopic } from '../../api/answer/scope.js';

describe('scope: personal workplace questions belong to a service desk', () => {
  it.each([
    ['Hoe reset ik mijn wachtwoord?', 'wachtwoord'],
    ['Hoeveel vakantiedagen heb ik dit jaar nog over?', 'vakantiedagen'],
    ['Hoe maak ik een draaitabel in Excel?', 'draaitabel'],
    ['Waar kan ik mijn reiskosten declareren?', 'reiskosten'],
    ['How do I print a document?', 'print'],
    ['How do I reset my password?', 'password'],
  ])('"%s" is about the asker\'s own %s', (question, topic) => {
    expect(personalWorkplaceTopic(question)).toBe(topic);
  });

  it.each([
    'Wat is respijtzorg?',
    // A workplace word without the asker in it is a question about the documents' subject.
    'Welke rol speelt thuiswerken bij eenzaamheid?',
    // The asker in it without a workplace word: a policy question in the first person.
    'Waar vind ik cijfers over onveiligheidsgevoelens in mijn gemeente?',
    'Hoe kan ik als gemeente mantelzorgers ondersteunen?',
  ])('"%s" is not', (question) => {
    expect(personalWorkplaceTopic(question)).toBeNull();
  });
});
