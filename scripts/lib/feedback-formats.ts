// The stored verdicts as a readable list, as CSV (for a spreadsheet) and as evaluation questions.
import type { FeedbackEntry } from '../../api/contract.js';

const RATING = { up: '👍', down: '👎' } as const;

export function feedbackAsText(entries: readonly FeedbackEntry[]): string {
  if (entries.length === 0) return 'Geen beoordelingen.\n';
  const lines = entries.map((entry) =>
    [
      `${entry.at}  ${RATING[entry.rating]}  ${entry.question}`,
      entry.comment ? `    toelichting: ${entry.comment}` : null,
      `    ${entry.answered ? 'antwoord' : 'geen antwoord'}: ${entry.answer.slice(0, 200)}${entry.answer.length > 200 ? '…' : ''}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const down = entries.filter((entry) => entry.rating === 'down').length;
  return `${lines.join('\n\n')}\n\n${entries.length} beoordelingen: ${entries.length - down} 👍, ${down} 👎.\n`;
}

const COLUMNS = ['at', 'rating', 'question', 'comment', 'answered', 'mode', 'answer', 'citations', 'index_built_at', 'corpus_hash'] as const;

export function feedbackAsCsv(entries: readonly FeedbackEntry[]): string {
  const rows = entries.map((entry) => [
    entry.at,
    entry.rating,
    entry.question,
    entry.comment ?? '',
    String(entry.answered),
    entry.mode ?? '',
    entry.answer,
    entry.citations.map((citation) => `${citation.documentId}#${citation.start}-${citation.end}`).join(' '),
    entry.build.builtAt ?? '',
    entry.build.corpusHash ?? '',
  ]);
  return `${[COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180: quoted when needed, quotes doubled; a leading = + - @ is defused for spreadsheets. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Each 👎 as an evaluation question (the format of npm run eval). A wrong answer and a wrongful
 * "niet gevonden" both become `answerable: true` without a gold quote: npm run eval refuses the
 * line until someone adds the quote that answers it, or sets `answerable` to false.
 */
export function feedbackAsEvalQuestions(entries: readonly FeedbackEntry[]): string {
  return entries
    .filter((entry) => entry.rating === 'down')
    .map((entry) =>
      JSON.stringify({
        id: `fb-${entry.id.slice(0, 8)}`,
        question: entry.question,
        answerable: true,
        gold: [],
        todo: `👎 op ${entry.at.slice(0, 10)}${entry.comment ? ` ("${entry.comment}")` : ''}; ${entry.answered ? 'het antwoord was' : 'er was geen antwoord'}: voeg het citaat toe dat de vraag beantwoordt, of zet answerable op false.`,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}
