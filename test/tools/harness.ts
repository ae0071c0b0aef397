import { OAuth2Client } from 'google-auth-library';
import type { User } from '../../models';
import { GoogleApis } from '../../src/google/apis';
import { SCOPES } from '../../src/google/scopes';
import { createLogger } from '../../src/log';
import type { ToolContext } from '../../src/tools/types';
import { ADA, type FakeGoogle, startFakeGoogle } from '../fakes/google/server';

/** Every scope Lume may hold, for specs that are not about scopes. */
export const ALL_SCOPES = [...Object.values(SCOPES)];

export interface ToolHarness {
  fake: FakeGoogle;
  sub: string;
  /** A tool context for Ada whose Google clients are the real googleapis ones, aimed at the fake. */
  ctx(opts?: { scopes?: string[]; timeZone?: string; now?: Date; maps?: boolean }): ToolContext;
  close(): Promise<void>;
}

export const MAPS_KEY = 'AIza-fake-maps-key';

export async function startToolHarness(): Promise<ToolHarness> {
  const fake = await startFakeGoogle();
  fake.state.addAccount(ADA);
  fake.state.mapsKeys.add(MAPS_KEY);
  const log = createLogger('silent');
  return {
    fake,
    sub: ADA.sub,
    ctx(opts = {}) {
      const auth = new OAuth2Client();
      const { token } = fake.state.issueAccessToken(ADA.sub, opts.scopes ?? ALL_SCOPES);
      auth.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
      const now = opts.now ?? new Date();
      // Tools read only the user's identity; a plain object stands in for the Sequelize row.
      const user = { id: 'user-ada', email: ADA.email, name: ADA.name } as User;
      return {
        user,
        timeZone: opts.timeZone ?? 'America/Los_Angeles',
        now: () => now,
        google: new GoogleApis(auth, fake.url),
        maps: opts.maps === false ? undefined : { apiKey: MAPS_KEY, rootUrl: fake.url },
        log,
      };
    },
    close: () => fake.close(),
  };
}

/** The newest message the fake stored with this label (SENT or DRAFT), with its raw text and parsed headers. */
export function lastStored(h: ToolHarness, label: 'SENT' | 'DRAFT') {
  const m = h.fake.state
    .dataFor(h.sub)
    .messages.filter((x) => x.labelIds?.includes(label))
    .at(-1);
  if (!m) throw new Error(`no ${label} message stored`);
  const raw = Buffer.from(m.raw ?? '', 'base64url').toString('utf8');
  const headers = (name: string) =>
    m.payload?.headers?.find((x) => x.name?.toLowerCase() === name.toLowerCase())?.value;
  return { message: m, raw, header: headers };
}
