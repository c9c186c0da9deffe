// What a browser carries between requests, sealed: the signed-in colleague (subject, name,
// groups) or a sign-in under way (PKCE verifier, state, nonce, where to return). Encrypted and
// authenticated with a key from SESSION_SECRET (JWE, dir + A256GCM), with an expiry and a
// purpose: a cookie changed by one bit, sealed with another secret, expired, or made for the
// other purpose opens as nothing.
import { createHash } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

export type Purpose = 'session' | 'sign-in';

export interface Sealer {
  seal(payload: Record<string, unknown>, purpose: Purpose, maxAgeSeconds: number): Promise<string>;
  /** The payload, or null when the token is not one this server sealed for `purpose`, or has expired. */
  open(token: string, purpose: Purpose): Promise<Record<string, unknown> | null>;
}

export function createSealer(secret: string): Sealer {
  const key = createHash('sha256').update(`bronwijzer cookie key\u0000${secret}`).digest();
  return {
    seal: (payload, purpose, maxAgeSeconds) =>
      new EncryptJWT(payload)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setIssuedAt()
        .setExpirationTime(`${Math.round(maxAgeSeconds)}s`)
        .setAudience(purpose)
        .encrypt(key),
    async open(token, purpose) {
      try {
        const { payload } = await jwtDecrypt(token, key, { audience: purpose });
        return payload as Record<string, unknown>;
      } catch {
        return null;
      }
    },
  };
}
