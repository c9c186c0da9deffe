// What differs between the full chat and the widget: the API it talks to, and how document
// links open (in the page, or in a new tab from an embedding intranet page).
import { createContext, type ReactNode, useContext } from 'react';
import type { ApiClient } from '../../lib/api-client';

export interface ChatSettings {
  api: ApiClient;
  /** Origin of the Bronwijzer server: document links and copied references point there. */
  baseUrl: string;
  linkTarget: '_self' | '_blank';
  /** In-app navigation for same-tab links (the full chat); absent in the widget. */
  navigate?: (href: string, options?: { replace?: boolean }) => void;
  storageKey: string;
  /** What scrolls the conversation: the page (default), or the widget's panel. */
  scrollContainer?: () => HTMLElement | null;
}

const SettingsContext = createContext<ChatSettings | null>(null);

export function ChatSettingsProvider({ settings, children }: { settings: ChatSettings; children: ReactNode }) {
  return <SettingsContext.Provider value={settings}>{children}</SettingsContext.Provider>;
}

export function useChatSettings(): ChatSettings {
  const settings = useContext(SettingsContext);
  if (!settings) throw new Error('useChatSettings needs a <ChatSettingsProvider> around the chat.');
  return settings;
}
