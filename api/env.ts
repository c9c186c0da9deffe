// All configuration, read once from the environment through one schema; every missing or
// invalid variable is reported together, with the fix in the message.
import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { ANSWER_MODES } from './contract.js';
import type { ProxyTrust } from './http/client-address.js';
import { isLoopbackHost, loopbackOrigins, normalizeOrigin } from './http/origins.js';

/** Largest request body accepted: a question of 2,000 characters with ten earlier turns fits. */
const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** An empty value (as in .env.example) means unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => ['true', '1', 'yes'].includes(value));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  STORE: z.enum(['embedded', 'postgres']).default('embedded'),
  DATABASE_URL: optional(z.url({ error: 'DATABASE_URL must be a PostgreSQL URL, e.g. postgres://bronwijzer:geheim@db:5432/bronwijzer' })),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  INDEX_DIR: z.string().min(1).default('data/index'),
  MODELS_DIR: z.string().min(1).default('models'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  EMBEDDING_DTYPE: z.enum(['q8', 'fp32', 'fp16', 'int8', 'uint8', 'q4']).default('q8'),
  ALLOW_MODEL_DOWNLOAD: flag.default(true),
  CHUNK_TOKENS: z.coerce.number().int().min(32).max(500).default(200),
  CHUNK_OVERLAP_TOKENS: z.coerce.number().int().min(0).max(200).default(40),
  MAX_DOCUMENT_MB: z.coerce.number().positive().max(10_000).default(100),
  DOCUMENT_TIMEOUT_S: z.coerce.number().positive().max(3600).default(60),
  DOCUMENT_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).default(256),
  OCR: z.enum(['on', 'off'], { error: 'OCR must be "on" or "off".' }).default('on'),
  OCR_TIMEOUT_S: z.coerce.number().positive().max(86_400).default(600),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_BODY_BYTES),
  PUBLIC_URL: optional(z.string().transform(origin('PUBLIC_URL'))),
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value, context) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => origin('ALLOWED_ORIGINS')(entry, context)),
    ),
  WEB_ROOT: z.string().min(1).default('web/dist'),
  FEEDBACK_FILE: z.string().min(1).default('data/feedback.jsonl'),
  LLM_BASE_URL: optional(z.url({ error: 'LLM_BASE_URL must be the URL of an OpenAI-compatible API, e.g. http://localhost:11434/v1' })),
  LLM_MODEL: optional(z.string().min(1)),
  LLM_API_KEY: optional(z.string().min(1)),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  LLM_MAX_CONCURRENT: z.coerce.number().int().min(1).max(1000).default(4),
  LLM_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
  LLM_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  RATE_LIMIT_PER_MINUTE: optional(z.coerce.number().int().min(0).max(100_000)),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, context): ProxyTrust => {
      const setting = value.trim();
      if (['false', '0', 'no', ''].includes(setting)) return null;
      if (['true', 'yes'].includes(setting)) return { hops: 1 };
      if (/^\d+$/.test(setting)) return { hops: Number(setting) };
      const proxies = setting
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      if (proxies.every((entry) => isIP(entry) !== 0)) return { proxies: new Set(proxies) };
      context.addIssue({ code: 'custom', message: "TRUST_PROXY must be false, a number of proxies (true is 1), or the proxies' addresses, comma-separated" });
      return z.NEVER;
    }),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(64),
  FEEDBACK_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  FEEDBACK_MAX_MB: z.coerce.number().positive().max(100_000).default(50),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_QUESTIONS: flag.default(false),
  ANSWER_MODE: z.enum(ANSWER_MODES).default('extractive'),
  OIDC_ISSUER: optional(z.url({ error: "OIDC_ISSUER must be the identity provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0" })),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_SCOPES: z.string().min(1).default('openid profile email'),
  SESSION_SECRET: optional(z.string().min(32, { error: 'SESSION_SECRET must be at least 32 characters (e.g. openssl rand -base64 48)' })),
  SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  MEMO_TEMPLATE: optional(z.string().min(1)),
});

export type Env = z.infer<typeof envSchema>;

/** Every setting at its default: the one place a default is written is the schema above. */
export const defaults: Env = envSchema.parse({});

/** Parses one origin setting; a bad entry is reported with the variable and the entry itself. */
function origin(variable: string) {
  return (entry: string, context: z.RefinementCtx): string => {
    try {
      return normalizeOrigin(entry);
    } catch (error) {
      context.addIssue({ code: 'custom', message: `${variable}: "${entry}" ${error instanceof Error ? error.message : 'is not an origin'}` });
      return z.NEVER;
    }
  };
}

/** Requests per minute a client may make when RATE_LIMIT_PER_MINUTE is unset: off on loopback, 120 otherwise. */
export function rateLimitPerMinute(env: Env): number {
  return env.RATE_LIMIT_PER_MINUTE ?? (isLoopbackHost(env.HOST) ? 0 : DEFAULT_RATE_LIMIT_PER_MINUTE);
}
const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration (see .env.example):\n${problems}`);
  }
  const problems: string[] = [];
  const env = parsed.data;
  if (env.CHUNK_OVERLAP_TOKENS >= env.CHUNK_TOKENS) problems.push('CHUNK_OVERLAP_TOKENS must be smaller than CHUNK_TOKENS.');
  if (env.LLM_BASE_URL && !env.LLM_MODEL) problems.push('LLM_MODEL is required when LLM_BASE_URL is set.');
  if (env.ANSWER_MODE === 'llm' && !env.LLM_BASE_URL) problems.push('ANSWER_MODE=llm needs LLM_BASE_URL and LLM_MODEL.');
  if (env.STORE === 'postgres' && !env.DATABASE_URL) problems.push('STORE=postgres needs DATABASE_URL (postgres://user:password@host:5432/database).');
  if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.SESSION_SECRET || !env.PUBLIC_URL))
    problems.push('OIDC_ISSUER needs OIDC_CLIENT_ID, SESSION_SECRET and PUBLIC_URL (the redirect URI is PUBLIC_URL/auth/callback).');
  if (!isLoopbackHost(env.HOST) && !env.PUBLIC_URL)
    problems.push(
      `HOST=${env.HOST} serves other machines: set PUBLIC_URL to the address colleagues open (e.g. https://bronwijzer.gemeente.nl), so requests for any other host name are refused.`,
    );
  if (problems.length > 0) throw new Error(`Invalid configuration (see .env.example):\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  return env;
}

export function modelSettings(env: Env) {
  return { modelsDir: env.MODELS_DIR, modelId: env.EMBEDDING_MODEL, dtype: env.EMBEDDING_DTYPE, allowDownload: env.ALLOW_MODEL_DOWNLOAD };
}

export function buildSettings(env: Env) {
  return {
    corpusDir: env.CORPUS_DIR,
    indexDir: env.INDEX_DIR,
    cacheDir: join(env.INDEX_DIR, 'cache'),
    maxDocumentBytes: env.MAX_DOCUMENT_MB * 1_000_000,
    reading: {
      timeoutMs: env.DOCUMENT_TIMEOUT_S * 1000,
      memoryMb: env.DOCUMENT_MEMORY_MB,
      ocr: env.OCR === 'on' ? { timeoutMs: env.OCR_TIMEOUT_S * 1000 } : null,
    },
  };
}

export function chunkSettings(env: Env) {
  return { chunkTokens: env.CHUNK_TOKENS, overlapTokens: env.CHUNK_OVERLAP_TOKENS };
}

/** Passage sizes at their defaults, as a build without CHUNK_* settings cuts them. */
export const DEFAULT_CHUNKING = chunkSettings(defaults);

/** The server's own origins: loopback when it listens there (or everywhere), and PUBLIC_URL. */
export function ownOrigins(env: Env): string[] {
  return [
    ...(isLoopbackHost(env.HOST) || env.HOST === '0.0.0.0' || env.HOST === '::' ? loopbackOrigins(env.PORT) : []),
    ...(env.PUBLIC_URL ? [env.PUBLIC_URL] : []),
  ];
}

/** What the HTTP app takes from the environment (app.ts's options of the same names). */
export function httpSettings(env: Env) {
  return {
    defaultMode: env.ANSWER_MODE,
    maxBodyBytes: env.MAX_BODY_BYTES,
    ownOrigins: ownOrigins(env),
    allowedOrigins: env.ALLOWED_ORIGINS,
    webRoot: env.WEB_ROOT,
    rateLimitPerMinute: rateLimitPerMinute(env),
    trustProxy: env.TRUST_PROXY,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    maxInFlight: env.MAX_IN_FLIGHT,
    feedbackPerMinute: env.FEEDBACK_PER_MINUTE,
    llmDeadlineMs: env.LLM_TIMEOUT_MS,
    https: env.PUBLIC_URL?.startsWith('https:') ?? false,
    logQuestions: env.LOG_QUESTIONS,
    publicUrl: env.PUBLIC_URL ?? null,
  };
}

export interface SignInSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string | null;
  groupsClaim: string;
  scopes: string;
  sessionSecret: string;
  sessionHours: number;
  /** Where colleagues open the assistant: the redirect URI is its /auth/callback. */
  publicUrl: string;
}

/** Sign-in with the identity provider, or null: without OIDC_ISSUER every caller is anonymous. */
export function signInSettings(env: Env): SignInSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.SESSION_SECRET || !env.PUBLIC_URL) return null;
  return {
    issuer: new URL(env.OIDC_ISSUER),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET ?? null,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    scopes: env.OIDC_SCOPES,
    sessionSecret: env.SESSION_SECRET,
    sessionHours: env.SESSION_HOURS,
    publicUrl: env.PUBLIC_URL,
  };
}

export interface LlmSettings {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
  maxConcurrent: number;
  breakerFailures: number;
  breakerCooldownMs: number;
}

/** The language model to use, or null: without LLM_BASE_URL nothing leaves the machine. */
export function llmSettings(env: Env): LlmSettings | null {
  if (!env.LLM_BASE_URL || !env.LLM_MODEL) return null;
  return {
    baseUrl: env.LLM_BASE_URL,
    model: env.LLM_MODEL,
    apiKey: env.LLM_API_KEY ?? null,
    timeoutMs: env.LLM_TIMEOUT_MS,
    maxConcurrent: env.LLM_MAX_CONCURRENT,
    breakerFailures: env.LLM_BREAKER_FAILURES,
    breakerCooldownMs: env.LLM_BREAKER_COOLDOWN_MS,
  };
}
