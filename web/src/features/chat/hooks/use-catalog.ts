// The document list (titles, sources, dates) that source cards and copied references use.
import { useEffect, useState } from 'react';
import type { DocumentSummary, HealthReport } from '../../../../../api/contract';
import { useChatSettings } from '../chat-settings';

export function useCatalog(): ReadonlyMap<string, DocumentSummary> {
  const { api } = useChatSettings();
  const [catalog, setCatalog] = useState<ReadonlyMap<string, DocumentSummary>>(new Map());
  useEffect(() => {
    let live = true;
    api
      .documents()
      .then((documents) => live && setCatalog(new Map(documents.map((document) => [document.id, document]))))
      .catch(() => {}); // cards fall back to what each citation carries
    return () => {
      live = false;
    };
  }, [api]);
  return catalog;
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
