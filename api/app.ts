// The HTTP app: routes composed under /api, one error handler mapping failures to
// { error: { code, message } }, and the middleware every request passes: request id, access
// log, security headers; for the API also the origin policy, rate limit, body limit and a
// time limit. Dependencies come in, so tests pass their own.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { timeout } from 'hono/timeout';
import { type Logger, pino } from 'pino';
import { ANONYMOUS, manifestFor, scopeFor } from './access/viewer.js';
import { createAnswerers } from './answer/answerers.js';
import { type AskService, createAskService } from './answer/ask-service.js';
import type { ChatClient } from './answer/llm/chat-completions.js';
import type { BreakerState } from './answer/llm/upstream-guard.js';
import { answerableExamples } from './answer/suggestions.js';
import type { SignIn } from './auth/sign-in.js';
import type { AnswerMode, HealthReport } from './contract.js';
import type { Engine, EngineSource } from './engine.js';
import { defaults } from './env.js';
import { AppError, errorBody } from './errors.js';
import type { FeedbackStore } from './feedback/feedback-store.js';
import { accessLog } from './http/access-log.js';
import type { ProxyTrust } from './http/client-address.js';
import { shedLoad } from './http/load-shedding.js';
import { originPolicy } from './http/origin-policy.js';
import { rateLimit } from './http/rate-limit.js';
import { requestIds } from './http/request-id.js';
import { securityHeaders } from './http/security-headers.js';
import { messages } from './messages.js';
import { askRoutes } from './routes/ask.js';
import { documentRoutes } from './routes/documents.js';
import { exportRoutes } from './routes/export.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { meRoutes } from './routes/me.js';
import { suggestionRoutes } from './routes/suggestions.js';

export interface AppDeps {
  engine: EngineSource;
  /** The index's part of GET /health; the app adds what it knows of the language model. */
  health: () => HealthReport | Promise<HealthReport>;
  /** The language model for mode "llm"; null or absent: nothing leaves the machine. */
  chat?: (ChatClient & { state?: () => BreakerState }) | null;
  defaultMode?: AnswerMode;
  maxBodyBytes?: number;
  /** The server's own origins (PUBLIC_URL, loopback): other Host names are refused. Empty: no Host check. */
  ownOrigins?: readonly string[];
  /** Origins (besides the app's own) whose pages may call the API: where the widget is embedded. */
  allowedOrigins?: readonly string[];
  /** The built web UI (index.html, widget.js, assets); the API alone when absent. */
  webRoot?: string;
  /** Requests per minute per client on /api; 0 is no limit. */
  rateLimitPerMinute?: number;
  /** Verdicts per minute per client on /api/feedback, whatever the general limit. */
  feedbackPerMinute?: number;
  /** API requests answered at once; beyond, 503 with Retry-After at once. */
  maxInFlight?: number;
  /** Behind reverse proxies: how the client's address is read (http/client-address.ts). */
  trustProxy?: ProxyTrust;
  /** The longest an API request may take before it is answered with a 503. */
  requestTimeoutMs?: number;
  /** One deadline for all language-model calls of a request. */
  llmDeadlineMs?: number;
  /** Served over HTTPS: adds Strict-Transport-Security. */
  https?: boolean;
  logger?: Logger;
  logQuestions?: boolean;
  /** Where colleagues' 👍/👎 are kept; without it POST /api/feedback does not exist. */
  feedback?: FeedbackStore;
  /** The collection's example questions; GET /api/suggestions offers those the index answers. */
  exampleQuestions?: () => Promise<readonly string[]>;
  /** The styles of the municipality's memo template (MEMO_TEMPLATE); the memo's own without it. */
  memoStyles?: string | null;
  /** Where links in an exported memo point: PUBLIC_URL; the request's own origin without it. */
  publicUrl?: string | null;
  /**
   * Sign-in with the municipality's identity provider (auth/sign-in.ts): who each request is,
   * and the /auth routes. Without it every caller is anonymous and reads the public collections.
   */
  signIn?: SignIn | null;
}

/** Without a configured store, a verdict cannot be kept: say so rather than pretend. */
const unavailableFeedback: FeedbackStore = {
  add: () => Promise.reject(new AppError('feedback_unavailable', messages.feedbackUnavailable)),
  list: async () => ({ entries: [], skipped: 0 }),
};
const passThrough: MiddlewareHandler = async function passThrough(_, next) {
  await next();
};
/**
 * A memo of a whole conversation carries its answers and quotes back: up to 20 turns of a few
 * kilobytes each. Every other request stays within MAX_BODY_BYTES.
 */
const MEMO_MAX_BODY_BYTES = 512 * 1024;
const MEMO_PATH = '/api/export/memo';

function limitBody(maxBytes: number, memoMaxBytes: number): MiddlewareHandler {
  const onError = () => {
    throw new AppError('payload_too_large', messages.payloadTooLarge);
  };
  const general = bodyLimit({ maxSize: maxBytes, onError });
  const memo = bodyLimit({ maxSize: Math.max(maxBytes, memoMaxBytes), onError });
  return (c, next) => (c.req.path === MEMO_PATH ? memo(c, next) : general(c, next));
}

/** Without sign-in, every caller is anonymous: the public collections. */
const anonymous: MiddlewareHandler = async function anonymous(c, next) {
  c.set('viewer', ANONYMOUS);
  await next();
};
/** Answers are about one colleague's question and one index build: no cache keeps them. */
const noStore: MiddlewareHandler = async function noStore(c, next) {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};

export function createApp({
  engine,
  health,
  chat = null,
  defaultMode = 'extractive',
  maxBodyBytes = defaults.MAX_BODY_BYTES,
  ownOrigins = [],
  allowedOrigins = [],
  webRoot,
  rateLimitPerMinute = 0,
  feedbackPerMinute = defaults.FEEDBACK_PER_MINUTE,
  maxInFlight = defaults.MAX_IN_FLIGHT,
  trustProxy = null,
  requestTimeoutMs = defaults.REQUEST_TIMEOUT_MS,
  llmDeadlineMs,
  https = false,
  logger = pino({ level: 'silent' }),
  logQuestions = false,
  feedback,
  exampleQuestions = async () => [],
  signIn = null,
  memoStyles = null,
  publicUrl = null,
}: AppDeps) {
  const onFallback = (reason: string, detail: string) => logger.warn({ reason, detail }, 'language model not used');
  // One ask service per engine (per live index), built when that engine first answers.
  const services = new WeakMap<Engine, AskService>();
  const askService = () => {
    const current = engine();
    let service = services.get(current);
    if (!service) {
      service = createAskService({
        engine: current,
        answerers: createAnswerers({ analyzer: current.analyzer, chat, onFallback }),
        chat,
        defaultMode,
        ...(llmDeadlineMs ? { llmDeadlineMs } : {}),
      });
      services.set(current, service);
    }
    return service;
  };
  // What a request may read: the live index's collections its viewer may read, narrowed to those it asked for.
  const scopeOf = (c: Context, requested?: readonly string[]) => scopeFor(engine().manifest.collections, c.get('viewer'), requested);
  const healthFor = async (c: Context): Promise<HealthReport> => {
    const report = await health();
    return {
      ...report,
      manifest: report.manifest ? manifestFor(report.manifest, c.get('viewer')) : null,
      llm: { configured: chat !== null, model: chat?.model ?? null, defaultMode, ...(chat?.state ? { breaker: chat.state() } : {}) },
    };
  };
  const origins = originPolicy({ ownOrigins, allowedOrigins });

  const apiBase = new Hono();
  const api = apiBase
    .use(methodNotAllowed({ app: apiBase, onMethodNotAllowed }))
    .use(noStore)
    .use(origins)
    .use(shedLoad(maxInFlight))
    .use(rateLimitPerMinute > 0 ? rateLimit({ perMinute: rateLimitPerMinute, trustProxy }) : passThrough)
    .use('/feedback', rateLimit({ perMinute: feedbackPerMinute, trustProxy }))
    .use(limitBody(maxBodyBytes, MEMO_MAX_BODY_BYTES))
    .use(timeout(requestTimeoutMs, () => new HTTPException(503, { message: 'request_timeout' })))
    .route('/', askRoutes(askService, scopeOf, { logQuestions }))
    .route(
      '/',
      documentRoutes(() => engine().catalog, scopeOf),
    )
    .route('/', suggestionRoutes(engine, answerableExamples(exampleQuestions), scopeOf))
    .route(
      '/',
      meRoutes(() => engine().manifest.collections, signIn !== null),
    )
    .route(
      '/',
      exportRoutes({
        catalog: () => engine().catalog,
        scopeOf,
        origin: (c) => publicUrl ?? new URL(c.req.url).origin,
        styles: async () => memoStyles,
      }),
    )
    .route(
      '/',
      feedbackRoutes(
        feedback ?? unavailableFeedback,
        () => {
          try {
            return engine().manifest;
          } catch {
            return null; // a verdict is kept even while no index serves
          }
        },
        (c) => {
          let collections: string[] = [];
          try {
            collections = [...scopeOf(c)];
          } catch {
            // no index serves: the verdict is kept without them
          }
          return { collections, user: signIn?.pseudonym(c.get('viewer')) ?? null };
        },
      ),
    );

  const app = new Hono()
    .use(requestIds({ fromProxy: trustProxy !== null }))
    .use(accessLog(logger, { logQuestions }))
    .use(securityHeaders({ frameAncestors: allowedOrigins, https, formTargets: signIn ? [signIn.providerOrigin] : [] }))
    .use(signIn ? signIn.identify : anonymous)
    .use('/health', origins, noStore)
    .route('/api', api)
    .route('/', healthRoutes(healthFor, onMethodNotAllowed));
  if (signIn) app.use('/auth/*', origins, noStore).route('/auth', signIn.routes);
  if (webRoot && existsSync(join(webRoot, 'index.html'))) serveWeb(app, webRoot);

  app.notFound((c) => c.json(errorBody('not_found', messages.routeNotFound), 404));
  app.onError((error, c) => {
    if (error instanceof AppError) return c.json(errorBody(error.code, error.message), error.status as 400);
    if (error instanceof HTTPException && error.message === 'request_timeout') return c.json(errorBody('request_timeout', messages.requestTimeout), 503);
    if (error instanceof HTTPException && error.status === 400) return c.json(errorBody('invalid_json', messages.invalidJson), 400);
    if (error instanceof HTTPException && error.status < 500) return c.json(errorBody('invalid_request', messages.invalidRequest), error.status);
    logger.error({ requestId: c.get('requestId'), err: error }, 'unexpected error');
    return c.json(errorBody('internal_error', messages.internalError), 500);
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;

export type MethodNotAllowed = (c: Context, allowed: string[]) => Response;

function onMethodNotAllowed(c: Context, allowed: string[]) {
  const list = allowed.join(', ');
  return c.json(errorBody('method_not_allowed', messages.methodNotAllowed(list)), 405, { Allow: list });
}

/** Hashed assets never change under their name: a year in the browser's cache. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The chat UI, its assets and the widget; the chat's own routes all load index.html. */
function serveWeb(app: Hono, webRoot: string): void {
  // Source maps are not published (the build does not write them either), nor the build's own
  // dotfiles (.build-stamp).
  app.use('*', async (c, next) => {
    if (c.req.path.endsWith('.map') || /\/\./.test(c.req.path)) return c.json(errorBody('not_found', messages.routeNotFound), 404);
    await next();
  });
  // Anything may change with the next build: the browser asks before it reuses it; hashed assets never change.
  app.use('*', cacheFor('no-cache'));
  app.use('/assets/*', cacheFor(IMMUTABLE));
  app.use('/widget.js', async (c, next) => {
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  const indexHtml = serveStatic({ root: webRoot, path: 'index.html', precompressed: true });
  app.get('/', indexHtml);
  app.get('/documents', indexHtml);
  app.get('/documents/*', indexHtml);
  app.get('/*', serveStatic({ root: webRoot, precompressed: true }));
}

/** Sets Cache-Control on a successful response that has none yet (so the innermost rule wins). */
function cacheFor(value: string): MiddlewareHandler {
  return async function setCacheControl(c, next) {
    await next();
    if (c.res.status === 200 && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', value);
  };
}
