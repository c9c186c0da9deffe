// The document list (titles, sources, dates, collections) that source cards and copied
// references use, who the colleague is and which collections they may search, and the health.
import { useEffect, useMemo, useState } from 'react';
import type { DocumentSummary, HealthReport, Me } from '../../../../../api/contract';
import { useChatSettings } from '../chat-settings';

/** A document as a source card shows it: with its collection's title when there is more than one to tell apart. */
export type CatalogEntry = DocumentSummary & { collectionTitle?: string };

export function useCatalog(me: Me | null): ReadonlyMap<string, CatalogEntry> {
  const { api } = useChatSettings();
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  useEffect(() => {
    let live = true;
    api
      .documents()
      .then((found) => live && setDocuments(found))
      .catch(() => {}); // cards fall back to what each citation carries
    return () => {
      live = false;
    };
  }, [api]);
  return useMemo(() => {
    const titles = new Map((me && me.collections.length > 1 ? me.collections : []).map((collection) => [collection.id, collection.title]));
    return new Map(documents.map((document) => [document.id, { ...document, collectionTitle: titles.get(document.collection) }]));
  }, [documents, me]);
}

/** Who is asking: signed in or not, and the collections they may search; null until known. */
export function useMe(): Me | null {
  const { api } = useChatSettings();
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api
        .me()
        .then((found) => live && setMe(found))
        .catch(() => {});
    load();
    // Back from signing in in another tab (the widget opens it there): ask again.
    window.addEventListener('focus', load);
    return () => {
      live = false;
      window.removeEventListener('focus', load);
    };
  }, [api]);
  return me;
}

export function useHealth(): HealthReport | null {
  const { api } = useChatSettings();
  const [health, setHealth] = useState<HealthReport | null>(null);
  useEffect(() => {
    let live = true;
    api
      .health()
      .then((report) => live && setHealth(report))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [api]);
  return health;
}
