// Sign-in with the municipality's identity provider (OpenID Connect, authorization code with
// PKCE, through openid-client): GET /auth/login sends the colleague there, GET /auth/callback
// takes the code back and sets the session cookie, POST /auth/logout ends the session (and the
// provider's, when it offers RP-initiated logout). Every request is identified from the cookie:
// none is anonymous; one that does not open (changed, expired, sealed elsewhere) is a 401 on the
// API and is removed.
import { createHmac, randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { ANONYMOUS, type Viewer } from '../access/viewer.js';
import type { SignInSettings } from '../env.js';
import { AppError, errorBody } from '../errors.js';
import { isLoopbackHost } from '../http/origins.js';
import { messages } from '../messages.js';
import { createSealer } from './session-cookie.js';

export const SESSION_COOKIE = 'bronwijzer_session';
const SIGN_IN_COOKIE = 'bronwijzer_sign_in';
/** A sign-in must come back from the provider within this time. */
const SIGN_IN_SECONDS = 10 * 60;

export interface SignIn {
  /** Sets the request's viewer from its session cookie. */
  identify: MiddlewareHandler;
  /** /login, /callback, /logout: mounted under /auth. */
  routes: Hono;
  /** The identity provider's origin: logging out sends the browser there. */
  providerOrigin: string;
  /** A stable pseudonym of a signed-in colleague (for feedback), never their name; null when anonymous. */
  pseudonym(viewer: Viewer): string | null;
}

export function createSignIn(settings: SignInSettings, logger?: Logger): SignIn {
  const sealer = createSealer(settings.sessionSecret);
  const secure = settings.publicUrl.startsWith('https:');
  const redirectUri = `${settings.publicUrl}/auth/callback`;
  // The provider's metadata, fetched when first needed and again after a failure: the assistant
  // starts (and serves anonymous colleagues) while the provider is unreachable.
  let configuration: Promise<oidc.Configuration> | null = null;
  const provider = () => {
    configuration ??= oidc
      .discovery(
        settings.issuer,
        settings.clientId,
        settings.clientSecret ?? undefined,
        settings.clientSecret ? undefined : oidc.None(),
        // Plain http only to a provider on this machine (a test, a local Keycloak).
        isLoopbackHost(settings.issuer.hostname) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = null;
        logger?.warn({ err: error }, 'identity provider unreachable');
        throw new AppError('sign_in_unavailable', messages.signInUnavailable);
      });
    return configuration;
  };
  // Sessions ended by logging out, until they would have expired: a copy of the cookie is dead too.
  // (Kept by this process: behind several instances, a short SESSION_HOURS bounds a copied cookie.)
  const ended = new Map<string, number>();
  const cookieOptions = (maxAge: number) => ({ httpOnly: true, secure, sameSite: 'Lax' as const, path: '/', maxAge });

  const identify: MiddlewareHandler = async function identify(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    let viewer: Viewer = ANONYMOUS;
    if (token) {
      const session = await sealer.open(token, 'session');
      if (session && typeof session.sub === 'string' && typeof session.sid === 'string' && !ended.has(session.sid)) {
        viewer = { signedIn: true, subject: session.sub, name: typeof session.name === 'string' ? session.name : null, groups: stringsOf(session.groups) };
      } else {
        deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
        if (c.req.path.startsWith('/api/')) return c.json(errorBody('session_invalid', messages.sessionInvalid), 401);
      }
    }
    c.set('viewer', viewer);
    await next();
  };

  const routes = new Hono()
    .get('/login', async (c) => {
      const returnTo = ownPath(c.req.query('returnTo') ?? '/', settings.publicUrl);
      if (returnTo === null) throw new AppError('invalid_request', messages.returnToNotOwn);
      const config = await provider();
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      setCookie(c, SIGN_IN_COOKIE, await sealer.seal({ verifier, state, nonce, returnTo }, 'sign-in', SIGN_IN_SECONDS), {
        ...cookieOptions(SIGN_IN_SECONDS),
        path: '/auth',
      });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return c.redirect(url.href, 302);
    })
    .get('/callback', async (c) => {
      const token = getCookie(c, SIGN_IN_COOKIE);
      const pending = token ? await sealer.open(token, 'sign-in') : null;
      deleteCookie(c, SIGN_IN_COOKIE, { path: '/auth', secure });
      if (!pending || typeof pending.verifier !== 'string' || typeof pending.state !== 'string' || typeof pending.nonce !== 'string') {
        throw new AppError('invalid_request', messages.signInExpired);
      }
      const config = await provider();
      // The callback as the provider sent the browser to it: behind a proxy, PUBLIC_URL's.
      const current = new URL(c.req.url);
      const callback = new URL(`${redirectUri}${current.search}`);
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        logger?.warn({ err: error }, 'sign-in refused');
        throw new AppError('invalid_request', messages.signInFailed);
      }
      const claims = tokens.claims()!;
      let groups = claims[settings.groupsClaim];
      let name = claims.name ?? claims.preferred_username ?? claims.email;
      if (groups === undefined || name === undefined) {
        // Many providers put groups and names in the userinfo response, not the ID token.
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => null);
        groups ??= info?.[settings.groupsClaim];
        name ??= info?.name ?? info?.preferred_username ?? info?.email;
      }
      const maxAge = settings.sessionHours * 3600;
      const session = { sid: randomUUID(), sub: claims.sub, name: typeof name === 'string' ? name : null, groups: stringsOf(groups) };
      setCookie(c, SESSION_COOKIE, await sealer.seal(session, 'session', maxAge), cookieOptions(maxAge));
      return c.redirect(typeof pending.returnTo === 'string' ? pending.returnTo : '/', 302);
    })
    .post('/logout', async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      const session = token ? await sealer.open(token, 'session') : null;
      const now = Date.now() / 1000;
      for (const [sid, expires] of ended) if (expires < now) ended.delete(sid);
      if (session && typeof session.sid === 'string')
        ended.set(session.sid, typeof session.exp === 'number' ? session.exp : now + settings.sessionHours * 3600);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
      const config = await provider().catch(() => null);
      const endSession = config?.serverMetadata().end_session_endpoint;
      const after = `${settings.publicUrl}/`;
      const target = config && endSession ? oidc.buildEndSessionUrl(config, { client_id: settings.clientId, post_logout_redirect_uri: after }).href : after;
      return c.redirect(target, 303);
    });

  return {
    identify,
    routes,
    providerOrigin: settings.issuer.origin,
    pseudonym: (viewer) =>
      viewer.signedIn ? createHmac('sha256', settings.sessionSecret).update(`colleague\u0000${viewer.subject}`).digest('hex').slice(0, 16) : null,
  };
}

/** A path on this site to return to after sign-in, or null for anything else ("//evil", "https://…"). */
export function ownPath(returnTo: string, publicUrl: string): string | null {
  if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) return null;
  try {
    const url = new URL(returnTo, publicUrl);
    return url.origin === new URL(publicUrl).origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
