// A link to a passage in its document: navigates inside the chat, or opens a new tab from the
// widget. Inside an answer it remembers which question it came from (see navigation.ts).
import { createContext, type MouseEvent, type ReactNode, useContext } from 'react';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';
import { rememberOrigin } from '../navigation';

/** The conversation turn the links inside belong to. */
export const OriginTurn = createContext<string | null>(null);

interface Props {
  href: string;
  className?: string;
  /** An accessible name; it starts with the visible text, so voice control can say what it sees. */
  label?: string;
  children: ReactNode;
}

export function DocumentLink({ href, className, label, children }: Props) {
  const { baseUrl, linkTarget, navigate } = useChatSettings();
  const origin = useContext(OriginTurn);
  if (linkTarget === '_blank') {
    return (
      <a href={new URL(href, baseUrl).href} target="_blank" rel="noopener" className={className} aria-label={label && `${label} ${text.opensInNewTab}`}>
        {children}
      </a>
    );
  }
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (origin) rememberOrigin(origin);
    if (!navigate || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} className={className} aria-label={label}>
      {children}
    </a>
  );
}
