// The full chat application: the chat at "/", a document at "/documents/:id#start-end".
import { useMemo } from 'react';
import { ChatSettingsProvider } from '../features/chat/chat-settings';
import { ChatPanel } from '../features/chat/components/ChatPanel';
import { DocumentView } from '../features/documents/components/DocumentView';
import { createApiClient } from '../lib/api-client';
import { text } from '../shared/text.nl';
import { useLocation } from './use-location';

export function App({ baseUrl = window.location.origin }: { baseUrl?: string }) {
  const { path, hash, navigate } = useLocation();
  const settings = useMemo(
    () => ({ api: createApiClient(baseUrl), baseUrl, linkTarget: '_self' as const, navigate, storageKey: 'bronwijzer.conversation' }),
    [baseUrl, navigate],
  );
  const documentId = /^\/documents\/([^/]+)$/.exec(path)?.[1];

  return (
    <ChatSettingsProvider settings={settings}>
      <a className="skip-link" href="#main">
        {text.skipToContent}
      </a>
      <header className="app-header">
        <p className="app-title">{text.appTitle}</p>
        <p className="app-tagline">{text.appTagline}</p>
      </header>
      {documentId ? (
        <DocumentView id={decodeURIComponent(documentId)} hash={hash} />
      ) : (
        <main id="main" className="chat-page">
          <h1 className="visually-hidden">{text.appTitle}</h1>
          <ChatPanel />
        </main>
      )}
    </ChatSettingsProvider>
  );
}
