// A copy button that says whether copying worked, to sighted and screen-reader users alike.
import { useEffect, useState } from 'react';
import { text } from '../../../shared/text.nl';
import { copyToClipboard } from '../copy/copy-to-clipboard';
import type { Clip } from '../copy/format-citation';

export function CopyButton({ label, clip, describedBy }: { label: string; clip: () => Clip; describedBy?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <span className="copy">
      <button
        type="button"
        className="button-secondary"
        aria-describedby={describedBy}
        onClick={() =>
          copyToClipboard(clip()).then(
            () => setState('copied'),
            () => setState('failed'),
          )
        }
      >
        {label}
      </button>
      <span role="status" className={state === 'failed' ? 'copy-status copy-failed' : 'copy-status'}>
        {state === 'copied' ? text.copied : state === 'failed' ? text.copyFailed : ''}
      </span>
    </span>
  );
}
