// Security headers on every response. The UI, the document view and the widget's demo page load
// only their own scripts and styles (no inline script, no inline <style>; the widget adopts its
// stylesheet through the CSSOM), so the policy can say 'self' and nothing else. Pages may be
// framed only by the server itself and the intranet origins that embed the assistant.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export interface SecurityHeaderOptions {
  /** Origins allowed to embed the assistant's pages in a frame (ALLOWED_ORIGINS). */
  frameAncestors: readonly string[];
  /** Served over HTTPS (PUBLIC_URL): browsers are told to keep using it. */
  https: boolean;
  /** Where a form of ours may lead besides the server itself: the identity provider logout sends to. */
  formTargets?: readonly string[];
}

export function securityHeaders({ frameAncestors, https, formTargets = [] }: SecurityHeaderOptions): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'", ...formTargets],
      frameAncestors: ["'self'", ...frameAncestors],
    },
    // frame-ancestors is the rule; X-Frame-Options (one origin at most) only for older browsers when nobody else may frame.
    xFrameOptions: frameAncestors.length === 0 ? 'SAMEORIGIN' : false,
    referrerPolicy: 'no-referrer',
    // Set below: widget.js, which other origins' pages load, says "cross-origin" itself.
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: https ? 'max-age=31536000' : false,
    xDnsPrefetchControl: 'off',
    xDownloadOptions: 'noopen',
    xPermittedCrossDomainPolicies: 'none',
    xXssProtection: '0',
    originAgentCluster: '?1',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
  return async function setSecurityHeaders(c, next) {
    await headers(c, next);
    if (!c.res.headers.has('Cross-Origin-Resource-Policy')) c.res.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  };
}
