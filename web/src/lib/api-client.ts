// The typed client of the Bronwijzer API, built on the server's own route types (hc<AppType>),
// with failures turned into ApiErrors that carry a Dutch message for the user.
import { hc } from 'hono/client';
import type { AppType } from '../../../api/app';
import type {
  AnswerMode,
  AskResponse,
  DocumentSummary,
  DocumentWithText,
  FeedbackRequest,
  HealthReport,
  HistoryTurn,
  Me,
  MemoRequest,
  Suggestions,
} from '../../../api/contract';
import { DEFAULT_K } from '../../../api/contract-values';
import { readEventStream } from '../../../api/event-stream';
import { text } from '../shared/text.nl';

export interface AskOptions {
  history?: HistoryTurn[];
  mode?: AnswerMode;
  /** Search only these collections (of those the colleague may read). */
  collections?: string[];
  /** Called with each piece of a language model's draft, before the validated answer arrives. */
  onDraft?: (piece: string) => void;
}

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
  // The colleague's session cookie goes along, also from the widget on an intranet page the
  // server allows (CORS with credentials for those origins only).
  const client = hc<AppType>(baseUrl, { init: { credentials: 'include' } });
  return {
    ask: (question: string, k = DEFAULT_K) => call<AskResponse>(() => client.api.ask.$post({ json: { question, k } })),
    /** Asks through the streaming endpoint; resolves with the final, validated answer. */
    async askStream(question: string, { history = [], mode, collections, onDraft }: AskOptions = {}): Promise<AskResponse> {
      let response: Response;
      try {
        response = await client.api.ask.stream.$post({
          json: { question, k: DEFAULT_K, history, ...(mode ? { mode } : {}), ...(collections ? { collections } : {}) },
        });
      } catch {
        throw new ApiError(text.unreachable, null);
      }
      if (!response.ok || !response.body) await call(() => Promise.resolve(response)); // throws the API's own message
      try {
        for await (const { event, data } of readEventStream(response.body!)) {
          if (event === 'token') onDraft?.((JSON.parse(data) as { text: string }).text);
          if (event === 'final') return JSON.parse(data) as AskResponse;
        }
      } catch {
        throw new ApiError(text.unreachable, null);
      }
      throw new ApiError(text.unexpected, response.status);
    },
    documents: () => call<DocumentSummary[]>(() => client.api.documents.$get()),
    document: (id: string) => call<DocumentWithText>(() => client.api.documents[':id'].$get({ param: { id } })),
    health: () => call<HealthReport>(() => client.health.$get(), { acceptUnavailable: true }),
    suggestions: () => call<Suggestions>(() => client.api.suggestions.$get()),
    me: () => call<Me>(() => client.api.me.$get()),
    /** The answers as a Word memo, checked by the server; the file and the name it suggests. */
    async memo(turns: MemoRequest['turns']): Promise<{ file: Blob; fileName: string }> {
      let response: Response;
      try {
        response = await client.api.export.memo.$post({ json: { turns } });
      } catch {
        throw new ApiError(text.unreachable, null);
      }
      if (!response.ok) await call(() => Promise.resolve(response)); // throws the API's own message
      const disposition = response.headers.get('content-disposition') ?? '';
      const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
      return { file: await response.blob(), fileName: encoded ? decodeURIComponent(encoded) : text.memoFileName };
    },
    feedback: (verdict: FeedbackRequest) => call<{ id: string }>(() => client.api.feedback.$post({ json: verdict })),
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
