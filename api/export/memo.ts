// A memo in Word (.docx, written with the `docx` library): a head (Onderwerp, Datum, what the
// text is made of), each question with its answer, every answer sentence followed by a real
// Word footnote per citation (the reference a copied citation has: „quote” (title, source,
// date, paragraaf “section”). link), and "Bronnen": one entry per document. Dutch is set as
// the language, so Word checks the spelling in Dutch; a municipality's template gives its styles.
import { AlignmentType, Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, type ParagraphChild, TextRun } from 'docx';
import { messages } from '../messages.js';
import type { Recognition } from '../records.js';
import { formatDate, quotedReference, referenceParts } from '../reference.js';

/** A citation whose quote was found, verbatim, in the document it names. */
export interface VerifiedCitation {
  n: number;
  quote: string;
  section: string | null;
  /** Where the quote opens highlighted. */
  link: string;
  document: { id: string; title: string; source: string | null; date: string | null; link: string };
  /** Set when the quote was recognised from a scan: its footnote says so. */
  recognised: Recognition | null;
  /** Whom the quoted text is by, as the byline above it says: its footnote names them. */
  attribution: string | null;
}

export interface MemoTurn {
  question: string;
  answer: string;
  answered: boolean;
  mode: 'extractive' | 'llm';
  citations: VerifiedCitation[];
}

export interface MemoOptions {
  /** The day the memo is made. */
  date: Date;
  /** A municipality's styles (word/styles.xml of MEMO_TEMPLATE), used instead of the default ones. */
  styles?: string | null;
}

const MARKER = /\s*\[(\d+)\]/g;

export async function writeMemo(turns: readonly MemoTurn[], { date, styles = null }: MemoOptions): Promise<Buffer> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextFootnote = 1;
  const body: Paragraph[] = [];
  const subject = turns[0]!.question;
  const day = formatDate(date.toISOString().slice(0, 10))!;

  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(messages.memo.title)] }));
  body.push(field(messages.memo.subject, turns.length === 1 ? subject : messages.memo.conversation(subject, turns.length - 1)));
  body.push(field(messages.memo.date, day));
  body.push(new Paragraph({ children: [new TextRun({ text: messages.memo.madeOf, italics: true })] }));
  if (turns.some((turn) => turn.mode === 'llm')) body.push(new Paragraph({ children: [new TextRun({ text: messages.memo.languageModel, italics: true })] }));

  for (const turn of turns) {
    if (turns.length > 1) body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(turn.question)] }));
    if (!turn.answered) {
      body.push(new Paragraph({ children: [new TextRun(messages.memo.notFound)] }));
      continue;
    }
    const byNumber = new Map(turn.citations.map((citation) => [citation.n, citation]));
    for (const line of turn.answer.split('\n').filter((text) => text.trim() !== '')) {
      const children: ParagraphChild[] = [];
      let at = 0;
      for (const match of line.matchAll(MARKER)) {
        const before = line.slice(at, match.index);
        if (before) children.push(new TextRun(before));
        at = match.index + match[0].length;
        const citation = byNumber.get(Number(match[1]));
        if (!citation) continue;
        const id = nextFootnote++;
        footnotes[id] = { children: [footnote(citation)] };
        children.push(new FootnoteReferenceRun(id));
      }
      if (at < line.length) children.push(new TextRun(line.slice(at)));
      body.push(new Paragraph({ children }));
    }
  }

  const documents = new Map(turns.flatMap((turn) => turn.citations.map((citation) => [citation.document.id, citation])));
  if (documents.size > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(messages.memo.sources)] }));
    for (const { document } of documents.values()) {
      const sections = turns.flatMap((turn) => turn.citations.filter((citation) => citation.document.id === document.id).map((citation) => citation.section));
      body.push(
        new Paragraph({
          children: [new TextRun(`${referenceParts(document, sections).join(', ')}. `), link(document.link)],
        }),
      );
    }
  }

  const document = new Document({
    title: `${messages.memo.title}: ${subject}`,
    subject,
    creator: 'Bronwijzer',
    lastModifiedBy: 'Bronwijzer',
    description: messages.memo.madeOf,
    ...(styles ? { externalStyles: styles } : {}),
    styles: {
      default: {
        // Dutch for Word's spelling check; a plain face in the size of a letter; air between paragraphs.
        document: { run: { language: { value: 'nl-NL' }, font: 'Arial', size: 21 }, paragraph: { spacing: { after: 120, line: 276 } } },
      },
    },
    footnotes,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}

function field(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

/** Footnotes in a smaller size than the text, as a memo sets them. */
const FOOTNOTE_SIZE = 17;

function footnote(citation: VerifiedCitation): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { after: 60, line: 240 },
    children: [
      new TextRun({ text: ` ${quotedReference(citation.quote, citation.document, citation)} `, size: FOOTNOTE_SIZE }),
      link(citation.link, FOOTNOTE_SIZE),
    ],
  });
}

function link(url: string, size?: number): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: 'Hyperlink', ...(size ? { size } : {}) })] });
}
