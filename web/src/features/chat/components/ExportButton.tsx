// "Exporteer als Word-memo": the answers as a .docx with footnotes, made and checked by the
// server; busy while it is made, and saying why when the server refuses (a quote that no longer
// stands in its document).
import { useState } from 'react';
import type { MemoRequest } from '../../../../../api/contract';
import { ApiError } from '../../../lib/api-client';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';
import { download } from '../copy/memo-turns';

export function ExportButton({ label, turns }: { label: string; turns: () => MemoRequest['turns'] }) {
  const { api } = useChatSettings();
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });

  const run = async () => {
    setState({ busy: true, error: null, done: false });
    try {
      const { file, fileName } = await api.memo(turns());
      download(file, fileName);
      setState({ busy: false, error: null, done: true });
    } catch (error) {
      setState({ busy: false, error: error instanceof ApiError ? error.message : text.unexpected, done: false });
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button-secondary" onClick={() => void run()} disabled={state.busy} aria-busy={state.busy}>
        {state.busy ? text.exporting : label}
      </button>
      <span role="status" className={state.error ? 'copy-status copy-failed' : 'copy-status'}>
        {state.error ?? (state.done ? text.exported : '')}
      </span>
    </span>
  );
}
