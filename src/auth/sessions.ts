import jwt from 'jsonwebtoken';
import { ErrorCode, LumeError } from '../errors';

export const SESSION_COOKIE = 'lume_session';
export const SESSION_TTL_SECONDS = 60 * 60;
const ISSUER = 'lume';
const AUDIENCE = 'lume-api';

export class InvalidSessionError extends LumeError {
  constructor() {
    super(ErrorCode.InvalidSession, 'invalid or expired session');
  }
}

/** Who a session belongs to, and the generation it was issued under (see `User.sessionGeneration`). */
export interface SessionClaims {
  userId: string;
  generation: number;
}

/**
 * Session JWTs: HS256 only, with issuer, audience, a one-hour expiry and the person's session
 * generation. A token without `exp`, or issued more than an hour ago whatever its `exp` says, is
 * refused: no session outlives its hour.
 */
export class Sessions {
  constructor(
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  issue(user: { id: string; sessionGeneration: number }): string {
    return jwt.sign({ gen: user.sessionGeneration }, this.secret, {
      algorithm: 'HS256',
      subject: user.id,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: SESSION_TTL_SECONDS,
      mutatePayload: false,
    });
  }

  /** The claims, or InvalidSessionError. The algorithm is pinned: alg:none and RS/HS confusion are refused. */
  verify(token: string): SessionClaims {
    try {
      const payload = jwt.verify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        maxAge: SESSION_TTL_SECONDS,
        clockTimestamp: Math.floor(this.now().getTime() / 1000),
      });
      if (
        typeof payload === 'string' ||
        typeof payload.sub !== 'string' ||
        !payload.sub ||
        typeof payload.exp !== 'number' ||
        !Number.isSafeInteger(payload.gen)
      ) {
        throw new InvalidSessionError();
      }
      return { userId: payload.sub, generation: payload.gen };
    } catch {
      throw new InvalidSessionError();
    }
  }
}
