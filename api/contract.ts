// The HTTP contract as zod schemas: requests are validated with them, and the UI, the widget
// and the tests use the inferred types. Field names are fixed by the API's consumers.
import { z } from 'zod';
import {
  ANSWER_MODES,
  CONFIDENCE_LEVELS,
  DEFAULT_K,
  DOCUMENT_KINDS,
  MAX_HISTORY,
  MAX_HISTORY_ANSWER_LENGTH,
  MAX_K,
  MAX_QUESTION_LENGTH,
} from './contract-values.js';
import { recognisedPageSchema, recognitionSchema } from './records.js';

export * from './contract-values.js';
export * from './index-manifest.js';

export const answerModeSchema = z.enum(ANSWER_MODES, { error: `mode moet ${ANSWER_MODES.map((mode) => `"${mode}"`).join(' of ')} zijn.` });

export const askRequestSchema = z.object(
  {
    question: z
      .string({ error: 'Stel een vraag (tekst).' })
      .trim()
      .min(1, { error: 'De vraag is leeg.' })
      .max(MAX_QUESTION_LENGTH, { error: `De vraag is te lang (maximaal ${MAX_QUESTION_LENGTH} tekens).` }),
    k: z
      .number({ error: 'k moet een getal zijn.' })
      .int({ error: 'k moet een geheel getal zijn.' })
      .min(1, { error: 'k moet minstens 1 zijn.' })
      .max(MAX_K, { error: `k mag hoogstens ${MAX_K} zijn.` })
      .default(DEFAULT_K),
    mode: answerModeSchema.optional(),
    history: z
      .array(
        z.object(
          {
            question: z
              .string({ error: 'Elke eerdere vraag moet tekst zijn.' })
              .max(MAX_QUESTION_LENGTH, { error: `Een eerdere vraag is te lang (maximaal ${MAX_QUESTION_LENGTH} tekens).` }),
            answer: z
              .string({ error: 'Elk eerder antwoord moet tekst zijn.' })
              .max(MAX_HISTORY_ANSWER_LENGTH, { error: `Een eerder antwoord is te lang (maximaal ${MAX_HISTORY_ANSWER_LENGTH} tekens).` }),
          },
          { error: 'Elke eerdere beurt moet een object zijn met "question" en "answer".' },
        ),
        { error: 'history moet een lijst van eerdere vragen en antwoorden zijn.' },
      )
      .max(MAX_HISTORY, { error: `history mag hoogstens ${MAX_HISTORY} eerdere vragen bevatten.` })
      .default([]),
    /** Search only these collections (of those the caller may read); absent: all of those. */
    collections: z
      .array(z.string({ error: 'Elke collectie is een id (tekst).' }).min(1).max(200), { error: 'collections moet een lijst van collectie-ids zijn.' })
      .max(100, { error: 'collections mag hoogstens 100 collecties noemen.' })
      .optional(),
  },
  { error: 'Stuur een JSON-object met de vraag, zoals {"question": "Wat is respijtzorg?"}.' },
);

export type HistoryTurn = { question: string; answer: string };

export const citationSchema = z.object({
  n: z.number().int(),
  passageId: z.string(),
  documentId: z.string(),
  title: z.string(),
  section: z.string().nullable(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  url: z.string(),
  /** Set when the quote comes from text recognised in a scan: say so beside it (reference.ts's scan note). */
  recognised: recognitionSchema.nullable(),
  /** Whom the quoted text is by, as the byline above it in the document says ("Jitske Kramer, September 2020"), or null. */
  attribution: z.string().nullable(),
});

export const passageSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  title: z.string(),
  section: z.string().nullable(),
  text: z.string(),
  score: z.number(),
  start: z.number().int(),
  end: z.number().int(),
  /** Set when the passage was recognised from a scan. */
  recognised: recognitionSchema.nullable(),
  /** Whom the passage's text is by where it starts, as the byline above it says ("Jitske Kramer, September 2020"), or null. */
  attribution: z.string().nullable(),
});

export const fallbackSchema = z.object({
  /** Why the language model's answer was not used: the response is the extractive answer. */
  reason: z.enum([
    'not_configured',
    'timeout',
    'rate_limited',
    'upstream_error',
    'unreachable',
    'invalid_response',
    'no_valid_citations',
    'circuit_open',
    'busy',
    'cancelled',
  ]),
  message: z.string(),
});

export const askResponseSchema = z.object({
  answered: z.boolean(),
  answer: z.string(),
  mode: z.enum(ANSWER_MODES),
  /** Present when answered. */
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  /** Present when the question was read as a follow-up: what retrieval ran on, and the earlier question it leans on. */
  interpretedAs: z.object({ question: z.string(), followUpOf: z.string() }).optional(),
  citations: z.array(citationSchema),
  passages: z.array(passageSchema),
  fallback: fallbackSchema.optional(),
});

export const documentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The id of the collection it belongs to. */
  collection: z.string(),
  source: z.string().nullable(),
  date: z.string().nullable(),
  kind: z.enum(DOCUMENT_KINDS),
  chunks: z.number().int(),
  /** How many of its pages were recognised from scans (0 for a text layer throughout). */
  scannedPages: z.number().int().nonnegative(),
});

export const documentSchema = documentSummarySchema.extend({
  text: z.string(),
  /** Headings with the offset where each starts in `text`: the document's table of contents. */
  sections: z.array(z.object({ title: z.string(), start: z.number().int() })),
  /** Pages recognised from scans, with where their text lies in `text`. */
  recognised: z.array(recognisedPageSchema),
});

export const RATINGS = ['up', 'down'] as const;
export const MAX_FEEDBACK_COMMENT = 2000;

/** 👍 or 👎 on an answer, with what was asked and answered, so a colleague's verdict can be traced. */
export const feedbackRequestSchema = z.object(
  {
    rating: z.enum(RATINGS, { error: 'rating moet "up" of "down" zijn.' }),
    comment: z
      .string({ error: 'Een toelichting moet tekst zijn.' })
      .trim()
      .max(MAX_FEEDBACK_COMMENT, { error: `De toelichting is te lang (maximaal ${MAX_FEEDBACK_COMMENT} tekens).` })
      .optional(),
    question: z
      .string({ error: 'Geef de vraag mee waar de beoordeling over gaat.' })
      .min(1, { error: 'Geef de vraag mee waar de beoordeling over gaat.' })
      .max(MAX_QUESTION_LENGTH, { error: `De vraag is te lang (maximaal ${MAX_QUESTION_LENGTH} tekens).` }),
    answer: z
      .string({ error: 'Geef het antwoord mee waar de beoordeling over gaat.' })
      .max(MAX_HISTORY_ANSWER_LENGTH, { error: `Het antwoord is te lang (maximaal ${MAX_HISTORY_ANSWER_LENGTH} tekens).` }),
    answered: z.boolean({ error: 'answered moet true of false zijn.' }),
    mode: answerModeSchema.optional(),
    citations: z
      .array(
        z.object({
          documentId: z.string().max(200),
          quote: z.string().max(MAX_HISTORY_ANSWER_LENGTH),
          start: z.number().int().nonnegative(),
          end: z.number().int().nonnegative(),
        }),
        { error: 'citations moet een lijst van citaten zijn.' },
      )
      .max(MAX_K * 3, { error: 'Te veel citaten.' })
      .default([]),
  },
  { error: 'Stuur een JSON-object met de beoordeling, zoals {"rating": "up", "question": "…", "answer": "…", "answered": true}.' },
);
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

/** A stored verdict: the request, when it was given, and which index build answered. */
export const feedbackEntrySchema = feedbackRequestSchema.extend({
  id: z.string(),
  at: z.string(),
  build: z.object({ builtAt: z.string().nullable(), corpusHash: z.string().nullable() }),
  /** The collections the answer was searched in, and a pseudonym of the signed-in colleague (never their name). */
  collections: z.array(z.string()).optional(),
  user: z.string().nullable().optional(),
});
export type FeedbackEntry = z.infer<typeof feedbackEntrySchema>;

/** Turns a memo may hold: a conversation, not an archive. */
export const MAX_MEMO_TURNS = 20;

/** POST /api/export/memo: answers as the chat received them, each citation re-checked by the server. */
export const memoRequestSchema = z.object(
  {
    turns: z
      .array(
        z.object({
          question: z.string().trim().min(1, { error: 'Elke vraag in de memo moet tekst zijn.' }).max(MAX_QUESTION_LENGTH),
          answer: z.string().max(MAX_HISTORY_ANSWER_LENGTH),
          answered: z.boolean(),
          mode: answerModeSchema.default('extractive'),
          confidence: z.enum(CONFIDENCE_LEVELS).optional(),
          citations: z
            .array(
              z.object({
                n: z.number().int().min(1),
                documentId: z.string().min(1).max(500),
                start: z.number().int().nonnegative(),
                end: z.number().int().nonnegative(),
                quote: z.string().min(1).max(MAX_HISTORY_ANSWER_LENGTH),
              }),
            )
            .max(50),
        }),
        { error: 'turns moet een lijst van vragen met hun antwoord en citaten zijn.' },
      )
      .min(1, { error: 'Een memo heeft minstens één vraag met antwoord.' })
      .max(MAX_MEMO_TURNS, { error: `Een memo heeft hoogstens ${MAX_MEMO_TURNS} vragen.` }),
  },
  { error: 'Stuur een JSON-object met "turns": de vragen met hun antwoord en citaten.' },
);
export type MemoRequest = z.infer<typeof memoRequestSchema>;

/** GET /api/me: who is asking and which collections they may search. */
export interface Me {
  signedIn: boolean;
  name?: string;
  /** Whether the server offers sign-in (OIDC configured). */
  signInConfigured: boolean;
  collections: { id: string; title: string }[];
}

/** What the chat offers when it has no answer: questions this index answers. */
export interface Suggestions {
  examples: string[];
}

export type AskRequest = z.infer<typeof askRequestSchema>;
/** Server-sent events of POST /api/ask/stream, in order: passages, tokens (LLM mode), final. */
export type StreamEvent = { event: 'passages'; data: Passage[] } | { event: 'token'; data: { text: string } } | { event: 'final'; data: AskResponse };
export type Citation = z.infer<typeof citationSchema>;
export type Passage = z.infer<typeof passageSchema>;
export type AskResponse = z.infer<typeof askResponseSchema>;
export type Fallback = z.infer<typeof fallbackSchema>;
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type DocumentWithText = z.infer<typeof documentSchema>;

/** The web path that shows a quote highlighted in its document. */
export function citationUrl(documentId: string, start: number, end: number): string {
  return `/documents/${encodeURIComponent(documentId)}#${start}-${end}`;
}
