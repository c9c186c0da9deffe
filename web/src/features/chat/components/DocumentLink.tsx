// A link to a passage in its document: navigates inside the chat, or opens a new tab from the widget.
import type { MouseEvent, ReactNode } from 'react';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';

interface Props {
  href: string;
  className?: string;
  label?: string;
  children: ReactNode;
}

export function DocumentLink({ href, className, label, children }: Props) {
  const { baseUrl, linkTarget, navigate } = useChatSettings();
  if (linkTarget === '_blank') {
    return (
      <a href={new URL(href, baseUrl).href} target="_blank" rel="noopener" className={className} aria-label={label && `${label} ${text.opensInNewTab}`}>
        {children}
      </a>
    );
  }
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
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
