// A way forward when there is no answer (and before the first question): example questions the
// index answers, the documents there are, and the list of all documents.
import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../../../api/contract';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';
import { DocumentLink } from './DocumentLink';

/** Document titles shown as topics; the library lists them all. */
const MAX_TOPICS = 8;

export function useExampleQuestions(): string[] {
  const { api } = useChatSettings();
  const [examples, setExamples] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api
      .suggestions()
      .then(({ examples: found }) => live && setExamples(found))
      .catch(() => {}); // without examples the topics and the library still help
    return () => {
      live = false;
    };
  }, [api]);
  return examples;
}

interface Props {
  examples: readonly string[];
  catalog: ReadonlyMap<string, DocumentSummary>;
  onAsk: (question: string) => void;
  /** Headings level: h3 inside an answer, h2 on an empty page. */
  headingLevel: 2 | 3;
}

export function Suggestions({ examples, catalog, onAsk, headingLevel }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const topics = [...catalog.values()].slice(0, MAX_TOPICS);
  return (
    <div className="suggestions">
      {examples.length > 0 && (
        <>
          <Heading className="suggestions-heading">{text.examplesHeading}</Heading>
          <ul className="examples">
            {examples.map((example) => (
              <li key={example}>
                <button type="button" className="button-example" onClick={() => onAsk(example)}>
                  {example}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {topics.length > 0 && (
        <>
          <Heading className="suggestions-heading">{text.topicsHeading}</Heading>
          <ul className="topics">
            {topics.map((document) => (
              <li key={document.id}>
                <DocumentLink href={`/documents/${encodeURIComponent(document.id)}`}>{document.title}</DocumentLink>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="library-link">
        <DocumentLink href="/documents">{text.allDocuments}</DocumentLink>
      </p>
    </div>
  );
}
