// Copies plain text and rich HTML together, so a memo editor pastes formatting and a plain
// field pastes text; falls back to plain text where rich clipboard writes are not allowed.
import type { Clip } from './format-citation';

export async function copyToClipboard(clip: Clip): Promise<void> {
  const clipboard = navigator.clipboard;
  if (clipboard && typeof ClipboardItem !== 'undefined' && clipboard.write) {
    try {
      await clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([clip.plain], { type: 'text/plain' }),
          'text/html': new Blob([clip.html], { type: 'text/html' }),
        }),
      ]);
      return;
    } catch {
      // Some browsers refuse rich writes; plain text is still worth having.
    }
  }
  if (!clipboard?.writeText) throw new Error('Clipboard unavailable');
  await clipboard.writeText(clip.plain);
}
