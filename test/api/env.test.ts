import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmSettings, rateLimitPerMinute, readEnv } from '../../api/env.js';

import { PROJECT_ROOT } from '../fixtures/paths.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', ANSWER_MODE: 'extractive', ALLOWED_ORIGINS: [], ALLOW_MODEL_DOWNLOAD: true });
    expect(llmSettings(env)).toBeNull();
  });

  it('accepts .env.example as it is', () => {
    const example = Object.fromEntries(
      readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(example)).toEqual(expect.arrayContaining(['PORT', 'LLM_BASE_URL', 'ALLOWED_ORIGINS', 'EMBEDDING_MODEL']));
    expect(llmSettings(readEnv(example))).toBeNull();
  });

  it('lists every problem at once', () => {
    expect(() => readEnv({ PORT: 'abc', EMBEDDING_DTYPE: 'q3', ALLOWED_ORIGINS: 'intranet' })).toThrow(/PORT[\s\S]*EMBEDDING_DTYPE[\s\S]*ALLOWED_ORIGINS/);
    expect(() => readEnv({ ANSWER_MODE: 'llm' })).toThrow(/ANSWER_MODE=llm needs LLM_BASE_URL/);
    expect(() => readEnv({ LLM_BASE_URL: 'http://localhost:11434/v1' })).toThrow(/LLM_MODEL is required/);
  });

  it('reads the language model settings', () => {
    const env = readEnv({
      LLM_BASE_URL: 'http://localhost:11434/v1',
      LLM_MODEL: 'llama3.1',
      ALLOWED_ORIGINS: 'HTTPS://Intranet.Gemeente.nl:443/, https://wiki.gemeente.nl:8443',
    });
    expect(llmSettings(env)).toEqual({
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1',
      apiKey: null,
      timeoutMs: 30_000,
      maxConcurrent: 4,
      breakerFailures: 3,
      breakerCooldownMs: 30_000,
    });
    expect(env.ALLOWED_ORIGINS).toEqual(['https://intranet.gemeente.nl', 'https://wiki.gemeente.nl:8443']);
  });

  it('names a bad ALLOWED_ORIGINS entry, and asks for PUBLIC_URL when serving other machines', () => {
    expect(() => readEnv({ ALLOWED_ORIGINS: 'https://intranet.gemeente.nl, https://wiki.gemeente.nl/pagina' })).toThrow(
      /ALLOWED_ORIGINS: "https:\/\/wiki.gemeente.nl\/pagina" must be an origin only/,
    );
    expect(() => readEnv({ ALLOWED_ORIGINS: 'intranet' })).toThrow(/"intranet" is not an origin/);
    expect(() => readEnv({ HOST: '0.0.0.0' })).toThrow(/set PUBLIC_URL/);
    expect(readEnv({ HOST: '0.0.0.0', PUBLIC_URL: 'https://Bronwijzer.gemeente.nl/' }).PUBLIC_URL).toBe('https://bronwijzer.gemeente.nl');
  });

  it('limits request rates by default only when serving other machines', () => {
    expect(rateLimitPerMinute(readEnv({}))).toBe(0);
    expect(rateLimitPerMinute(readEnv({ HOST: '0.0.0.0', PUBLIC_URL: 'http://bronwijzer:8787' }))).toBe(120);
    expect(rateLimitPerMinute(readEnv({ RATE_LIMIT_PER_MINUTE: '30' }))).toBe(30);
  });
});
