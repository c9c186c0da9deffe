// Where a colleague came from when following a citation: the question (turn) in the
// conversation. The document view offers that answer's other citations in the same document,
// and going back to the chat returns to that question instead of the bottom of the page.
const ORIGIN_KEY = 'bronwijzer.origin';

export function rememberOrigin(turnId: string): void {
  try {
    sessionStorage.setItem(ORIGIN_KEY, turnId);
  } catch {
    // Without storage the chat simply opens at its end.
  }
}

export function originTurn(): string | null {
  try {
    return sessionStorage.getItem(ORIGIN_KEY);
  } catch {
    return null;
  }
}

export function forgetOrigin(): void {
  try {
    sessionStorage.removeItem(ORIGIN_KEY);
  } catch {
    // nothing to forget
  }
}
