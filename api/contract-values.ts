// The contract's plain values, without zod: the web bundle imports these, and contract.ts
// builds its schemas from them, so each is written once.
export const MAX_QUESTION_LENGTH = 2000;
export const MAX_HISTORY = 10;
/** The longest earlier answer a request may carry as conversation context. */
export const MAX_HISTORY_ANSWER_LENGTH = 8000;
/** Passages retrieved and returned when a request does not say: enough to compose from, few enough to read. */
export const DEFAULT_K = 5;
export const MAX_K = 20;

/** How an answer is written: verbatim sentences, or phrased by a language model from them. */
export const ANSWER_MODES = ['extractive', 'llm'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/** How passages are found: by words (always), and by meaning when the embedding model is there. */
export const RETRIEVAL_MODES = ['lexical', 'dense'] as const;
export type RetrievalMode = (typeof RETRIEVAL_MODES)[number];

/** How fully the documents answer: "partial" when they speak to the question without answering all of it. */
export const CONFIDENCE_LEVELS = ['high', 'partial'] as const;

/** What a source document was read from. */
export const DOCUMENT_KINDS = ['text', 'markdown', 'web-page', 'pdf', 'word', 'opendocument'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
