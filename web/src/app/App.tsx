// The full chat application: the chat at "/", the document library at "/documents", a document
// at "/documents/:id#start-end".
import { useEffect, useMemo } from 'react';
import { ChatSettingsProvider } from '../features/chat/chat-settings';
import { ChatPanel } from '../features/chat/components/ChatPanel';
import { DocumentLibrary } from '../features/documents/components/DocumentLibrary';
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
  const library = /^\/documents\/?$/.test(path);
  useEffect(() => {
    if (!documentId && !library) window.document.title = text.chatPageTitle;
  }, [documentId, library]);

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
      ) : library ? (
        <DocumentLibrary />
      ) : (
        <main id="main" className="chat-page">
          <h1 className="visually-hidden">{text.appTitle}</h1>
          <ChatPanel />
        </main>
      )}
    </ChatSettingsProvider>
  );
}
