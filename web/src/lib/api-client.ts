// The typed client of the Bronwijzer API, built on the server's own route types (hc<AppType>),
// with failures turned into ApiErrors that carry a Dutch message for the user.
import { hc } from 'hono/client';
import type { AppType } from '../../../api/app';
import type { AskResponse, DocumentSummary, DocumentWithText } from '../../../api/contract';
import type { HealthReport } from '../../../api/app';
import { text } from '../shared/text.nl';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(baseUrl: string) {
  const client = hc<AppType>(baseUrl);
  return {
    ask: (question: string, k = 5) => call<AskResponse>(() => client.api.ask.$post({ json: { question, k } })),
    documents: () => call<DocumentSummary[]>(() => client.api.documents.$get()),
    document: (id: string) => call<DocumentWithText>(() => client.api.documents[':id'].$get({ param: { id } })),
    health: () => call<HealthReport>(() => client.health.$get(), { acceptUnavailable: true }),
  };
}

async function call<T>(request: () => Promise<Response>, options: { acceptUnavailable?: boolean } = {}): Promise<T> {
  let response: Response;
  try {
    response = await request();
  } catch {
    throw new ApiError(text.unreachable, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok || (options.acceptUnavailable && response.status === 503 && body)) return body as T;
  const message = (body as { error?: { message?: string } } | null)?.error?.message;
  throw new ApiError(message ?? text.unexpected, response.status);
}
