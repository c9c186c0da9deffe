// A document that cannot be indexed: broken, encrypted, binary, empty, too large, or with
// invalid metadata. The build skips it and names it with the reason; the rest goes on.
export class UnreadableDocument extends Error {
  constructor(
    /** Dutch, for the build summary and GET /health: "beveiligd met een wachtwoord". */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'UnreadableDocument';
  }
}
