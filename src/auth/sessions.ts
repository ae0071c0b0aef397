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

/** Session JWTs: HS256 only, with issuer, audience and a one-hour expiry. */
export class Sessions {
  constructor(
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  issue(userId: string): string {
    return jwt.sign({}, this.secret, {
      algorithm: 'HS256',
      subject: userId,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: SESSION_TTL_SECONDS,
      mutatePayload: false,
    });
  }

  /** The user id, or InvalidSessionError. The algorithm is pinned: alg:none and RS/HS confusion are refused. */
  verify(token: string): string {
    try {
      const payload = jwt.verify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTimestamp: Math.floor(this.now().getTime() / 1000),
      });
      if (typeof payload === 'string' || typeof payload.sub !== 'string' || !payload.sub) {
        throw new InvalidSessionError();
      }
      return payload.sub;
    } catch {
      throw new InvalidSessionError();
    }
  }
}
