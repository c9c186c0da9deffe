// Text, Markdown and HTML arrive as bytes: they must be UTF-8 text, not a binary file with a
// text extension.
import { UnreadableDocument } from '../unreadable.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): string {
  // A NUL byte in the first kilobytes means a binary file (an image, an archive).
  if (bytes.subarray(0, 8192).includes(0)) throw new UnreadableDocument('geen tekstbestand (binaire inhoud)');
  try {
    return strictUtf8.decode(bytes);
  } catch (error) {
    throw new UnreadableDocument('geen geldige UTF-8-tekst; sla het bestand op als UTF-8', { cause: error });
  }
}
