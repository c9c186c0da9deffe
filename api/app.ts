// The HTTP app: routes composed under /api, one error handler mapping failures to
// { error: { code, message } }. Dependencies come in, so tests pass their own.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { createAnswerers } from './answer/answerers.js';
import { createAskService } from './answer/ask-service.js';
import type { ChatClient } from './answer/llm/chat-completions.js';
import type { AnswerMode, HealthReport } from './contract.js';
import type { EngineSource } from './engine.js';
import { DEFAULT_MAX_BODY_BYTES } from './env.js';
import { AppError, errorBody } from './errors.js';
import { messages } from './messages.js';
import { originGuard } from './origin-guard.js';
import { askRoutes } from './routes/ask.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';

export interface AppDeps {
  engine: EngineSource;
  /** The index's part of GET /health; the app adds what it knows of the language model. */
  health: () => HealthReport;
  /** The language model for mode "llm"; null or absent: nothing leaves the machine. */
  chat?: ChatClient | null;
  defaultMode?: AnswerMode;
  maxBodyBytes?: number;
  /** Origins (besides the app's own) whose pages may call the API: where the widget is embedded. */
  allowedOrigins?: readonly string[];
  /** The built web UI (index.html, widget.js, assets); the API alone when absent. */
  webRoot?: string;
  logError?: (error: unknown, requestId: string) => void;
}

export function createApp({
  engine,
  health,
  chat = null,
  defaultMode = 'extractive',
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  allowedOrigins = [],
  webRoot,
  logError = defaultLogError,
}: AppDeps) {
  const onFallback = (reason: string, detail: string) => console.warn(`Taalmodel niet gebruikt (${reason}): ${detail}`);
  const askService = () => {
    const current = engine();
    return createAskService({ engine: current, answerers: createAnswerers({ analyzer: current.analyzer, chat, onFallback }), chat, defaultMode });
  };
  const healthWithLlm = (): HealthReport => ({ ...health(), llm: { configured: chat !== null, model: chat?.model ?? null, defaultMode } });
  const api = new Hono()
    .use(originGuard(allowedOrigins))
    .use(
      bodyLimit({
        maxSize: maxBodyBytes,
        onError: () => {
          throw new AppError('payload_too_large', messages.payloadTooLarge);
        },
      }),
    )
    .route('/', askRoutes(askService))
    .route(
      '/',
      documentRoutes(() => engine().catalog),
    );

  const app = new Hono().use(requestId()).route('/api', api).route('/', healthRoutes(healthWithLlm));
  if (webRoot && existsSync(join(webRoot, 'index.html'))) serveWeb(app, webRoot);

  app.notFound((c) => c.json(errorBody('not_found', messages.routeNotFound), 404));
  app.onError((error, c) => {
    if (error instanceof AppError) return c.json(errorBody(error.code, error.message), error.status as 400);
    if (error instanceof HTTPException && error.status === 400) return c.json(errorBody('invalid_json', messages.invalidJson), 400);
    if (error instanceof HTTPException && error.status < 500) return c.json(errorBody('invalid_request', error.message), error.status);
    logError(error, c.get('requestId'));
    return c.json(errorBody('internal_error', messages.internalError), 500);
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;

/** The chat UI, its assets and the widget; the chat's own routes all load index.html. */
function serveWeb(app: Hono, webRoot: string): void {
  const indexHtml = serveStatic({ root: webRoot, path: 'index.html' });
  app.get('/', indexHtml);
  app.get('/documents/*', indexHtml);
  app.use('/widget.js', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-cache'); // embedding pages always get the current widget
    c.header('Access-Control-Allow-Origin', '*');
  });
  app.get('/*', serveStatic({ root: webRoot }));
}

function defaultLogError(error: unknown, requestId: string): void {
  console.error(`[${requestId}]`, error);
}
