import { createHash } from 'node:crypto';
import { randomToken } from './secrets';

/** RFC 7636 S256: a 43-character verifier (256 bits) and its SHA-256 challenge. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomToken(32);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}
