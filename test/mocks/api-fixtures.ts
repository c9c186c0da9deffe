// Responses in the API's own contract types, for the UI's tests.
import type { AskResponse, DocumentSummary, DocumentWithText } from '../../api/contract.js';

export const DOCUMENT_TEXT =
  'Ondersteuning van mantelzorgers\n\nMaak afspraken omtrent respijtzorg. Als het nodig is, kan een professionele kracht of vrijwilliger de zorg tijdelijk overnemen (respijtzorg).';
const quote = 'Als het nodig is, kan een professionele kracht of vrijwilliger de zorg tijdelijk overnemen (respijtzorg).';
const start = DOCUMENT_TEXT.indexOf(quote);

export const documents: DocumentSummary[] = [
  {
    id: 'mantelzorg',
    title: 'Kennisdossier Sociale omgeving',
    collection: 'alle',
    source: 'Gezond in…',
    date: '2020-06-08',
    kind: 'pdf',
    chunks: 1,
    scannedPages: 0,
  },
];

export const documentWithText: DocumentWithText = {
  ...documents[0]!,
  text: DOCUMENT_TEXT,
  sections: [{ title: 'Ondersteuning van mantelzorgers', start: 0 }],
  recognised: [],
};

export const answered: AskResponse = {
  answered: true,
  answer: `${quote} [1]`,
  mode: 'extractive',
  citations: [
    {
      n: 1,
      passageId: 'mantelzorg:0',
      documentId: 'mantelzorg',
      title: 'Kennisdossier Sociale omgeving',
      section: 'Ondersteuning van mantelzorgers',
      quote,
      start,
      end: start + quote.length,
      url: `/documents/mantelzorg#${start}-${start + quote.length}`,
      recognised: null,
      attribution: null,
    },
  ],
  passages: [
    {
      id: 'mantelzorg:0',
      documentId: 'mantelzorg',
      title: 'Kennisdossier Sociale omgeving',
      section: 'Ondersteuning van mantelzorgers',
      text: DOCUMENT_TEXT,
      score: 4.2,
      recognised: null,
      start: 0,
      end: DOCUMENT_TEXT.length,
      attribution: null,
    },
  ],
};

export const notFound: AskResponse = {
  answered: false,
  answer: 'In de documenten staat geen antwoord op deze vraag. Hieronder staan de passages die er het dichtst bij komen; beoordeel zelf of ze bruikbaar zijn.',
  mode: 'extractive',
  citations: [],
  passages: answered.passages.map((passage) => ({ ...passage, attribution: 'Jitske Kramer, September 2020' })),
};
