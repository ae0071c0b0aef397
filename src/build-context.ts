import type { Database } from '../models/db';
import { Accounts } from './auth/accounts';
import { ConnectLinks } from './auth/connect-links';
import { AuthHooks } from './auth/hooks';
import { TokenCipher } from './auth/token-cipher';
import { TokenStore } from './auth/token-store';
import type { Config } from './config';
import type { AppContext } from './context';
import { GoogleClientFactory } from './google/client-factory';
import type { Logger } from './log';

/** Wire the services on an open database. Tests call this with their own config and logger. */
export function buildContext(
  config: Config,
  db: Database,
  log: Logger,
  now: () => Date = () => new Date(),
): AppContext {
  const cipher = new TokenCipher(config.tokenKeys.current, config.tokenKeys.previous);
  const tokens = new TokenStore(cipher);
  const google = new GoogleClientFactory({ google: config.google, models: db.models, tokens, log });
  return {
    config,
    log,
    db,
    cipher,
    tokens,
    google,
    links: new ConnectLinks(db.models, config.publicUrl, now),
    accounts: new Accounts({ models: db.models, tokens, google, googleConfig: config.google, log }),
    hooks: new AuthHooks(log),
    now,
  };
}
