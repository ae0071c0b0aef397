import { Op } from 'sequelize';
import type { Models } from '../models';
import type { Database } from '../models/db';
import { actionContext } from './agent/confirm/pending-actions';
import { memoryContext } from './agent/memory/memory-store';
import { verifierContext } from './auth/oauth-states';
import { pendingBatchContext, syncTokenContext } from './calendar/sync-store';
import type { AppContext } from './context';
import { type CipherContext, DecryptError, type TokenCipher } from './crypto/token-cipher';
import { tokenContext } from './google/token-store';
import { isSealed, payloadContext } from './jobs/engine/payload';
import { noticeStateContext } from './notify/sent-notices';
import { locationContext } from './settings/settings';

/**
 * Key rotation (`npm run rotate-keys`), in one place: every column Lume stores encrypted is walked
 * here (sealed job payloads too) and sealed again with TOKEN_ENCRYPTION_KEY, so the keys in
 * TOKEN_ENCRYPTION_PREVIOUS_KEYS can be dropped. A new encrypted column must be added here, or dropping an old key loses its values.
 * Each column's cipher context comes from the module that writes it, so both sides bind the same row.
 */

const BATCH = 200;

const UNREADABLE = Symbol('unreadable');

/** The value sealed with the current key; undefined when it already is; UNREADABLE when no configured key opens it. */
function reseal(
  cipher: TokenCipher,
  stored: string,
  where: CipherContext,
): string | undefined | typeof UNREADABLE {
  if (!cipher.needsReencryption(stored)) return undefined;
  try {
    return cipher.encrypt(cipher.decrypt(stored, where), where);
  } catch (err) {
    if (err instanceof DecryptError) return UNREADABLE;
    throw err;
  }
}

interface Row {
  update(values: Record<string, string>): Promise<unknown>;
}

type Columns<R> = readonly (readonly [attribute: keyof R & string, where: (row: R) => CipherContext])[];

/** Reseal a row's encrypted columns in one UPDATE; a value no key opens is left as it is and counted. */
async function resealRow<R extends Row>(
  cipher: TokenCipher,
  row: R,
  columns: Columns<R>,
): Promise<{ changed: boolean; unreadable: number }> {
  const changes: Record<string, string> = {};
  let unreadable = 0;
  for (const [attribute, where] of columns) {
    const stored = row[attribute];
    if (typeof stored !== 'string' || !stored) continue;
    const next = reseal(cipher, stored, where(row));
    if (next === UNREADABLE) unreadable += 1;
    else if (next) changes[attribute] = next;
  }
  const changed = Object.keys(changes).length > 0;
  if (changed) await row.update(changes);
  return { changed, unreadable };
}

/** Rows changed and values left unreadable over a set of rows. */
async function resealAll<R extends Row>(cipher: TokenCipher, rows: R[], columns: Columns<R>) {
  let rewritten = 0;
  let unreadable = 0;
  for (const row of rows) {
    const result = await resealRow(cipher, row, columns);
    if (result.changed) rewritten += 1;
    unreadable += result.unreadable;
  }
  return { rewritten, unreadable };
}

/** Every row of a table with integer ids, BATCH at a time in id order (`page` gives the rows after an id). */
async function resealById<R extends Row & { id: number }>(
  cipher: TokenCipher,
  page: (afterId: number) => Promise<R[]>,
  columns: Columns<R>,
) {
  let rewritten = 0;
  let unreadable = 0;
  for (let after = 0; ; ) {
    const rows = await page(after);
    const result = await resealAll(cipher, rows, columns);
    rewritten += result.rewritten;
    unreadable += result.unreadable;
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].id;
  }
  return { rewritten, unreadable };
}

export interface RotationReport {
  users: number;
  oauthStates: number;
  /** Values no configured key could open: left as they are, reported so the old key is not dropped yet. */
  unreadable: number;
}

/** Google tokens (users) and the PKCE verifiers of sign-ins still in progress (oauth_states). */
export async function rotateKeys(db: Database, cipher: TokenCipher): Promise<RotationReport> {
  const { User, OAuthState } = db.models;
  let users = 0;
  let unreadable = 0;
  for (let offset = 0; ; offset += BATCH) {
    const rows = await User.findAll({ order: [['id', 'ASC']], limit: BATCH, offset });
    const result = await resealAll(cipher, rows, [
      ['accessTokenEnc', (u) => tokenContext(u, 'access_token')],
      ['refreshTokenEnc', (u) => tokenContext(u, 'refresh_token')],
    ]);
    users += result.rewritten;
    unreadable += result.unreadable;
    if (rows.length < BATCH) break;
  }
  const pending = await resealAll(cipher, await OAuthState.findAll({ where: { usedAt: null } }), [
    ['pkceVerifierEnc', (s) => verifierContext(s.stateHash)],
  ]);
  return { users, oauthStates: pending.rewritten, unreadable: unreadable + pending.unreadable };
}

/** Conversation memory (agent_messages) and the requests waiting on a card (pending_actions). */
export async function reencryptAgentData(
  models: Models,
  cipher: TokenCipher,
): Promise<{ rewritten: number; unreadable: number }> {
  const { rewritten, unreadable } = await resealById(
    cipher,
    (after: number) =>
      models.AgentMessage.findAll({
        where: { id: { [Op.gt]: after } },
        order: [['id', 'ASC']],
        limit: BATCH,
      }),
    [['contentEnc', (m) => memoryContext(m.conversationKey)]],
  );
  // Pending actions live a day at most (housekeeping), so there are few: one query is enough.
  const actions = await resealAll(cipher, await models.PendingAction.findAll(), [
    ['argsEnc', (a) => actionContext(a, 'args')],
    ['previewEnc', (a) => actionContext(a, 'preview')],
    ['resultEnc', (a) => actionContext(a, 'result')],
  ]);
  return { rewritten: rewritten + actions.rewritten, unreadable: unreadable + actions.unreadable };
}

/**
 * Sealed job payloads (jobs). Each write is conditional on the payload still being the one read, so
 * a job replaced or finished meanwhile keeps what the engine wrote; plain JSON payloads are skipped.
 */
export async function reencryptJobPayloads(
  db: Database,
  cipher: TokenCipher,
): Promise<{ rewritten: number; unreadable: number }> {
  let rewritten = 0;
  let unreadable = 0;
  for (let after = ''; ; ) {
    const rows = await db.models.Job.findAll({
      attributes: ['id', 'uniqueKey', 'payload'],
      where: { id: { [Op.gt]: after }, payload: { [Op.like]: 'v1.%' } },
      order: [['id', 'ASC']],
      limit: BATCH,
    });
    for (const row of rows) {
      if (!isSealed(row.payload)) continue;
      const next = reseal(cipher, row.payload, payloadContext({ id: row.id, key: row.uniqueKey }));
      if (next === UNREADABLE) unreadable += 1;
      else if (next) {
        const [changed] = await db.models.Job.update(
          { payload: next },
          { where: { id: row.id, payload: row.payload } },
        );
        rewritten += changed;
      }
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].id;
  }
  return { rewritten, unreadable };
}

/** People's leave-now locations (person_settings): one row per linked Slack person, so batched. */
export function reencryptSettings(
  models: Models,
  cipher: TokenCipher,
): Promise<{ rewritten: number; unreadable: number }> {
  return resealById(
    cipher,
    (after: number) =>
      models.PersonSetting.findAll({
        where: { id: { [Op.gt]: after }, locationEnc: { [Op.ne]: null } },
        order: [['id', 'ASC']],
        limit: BATCH,
      }),
    [['locationEnc', (r) => locationContext(r.slackIdentityId)]],
  );
}

/** What proactive notices keep sealed (an invitation's event and answer), bound to each notice's key. */
export function reencryptNotices(
  models: Models,
  cipher: TokenCipher,
): Promise<{ rewritten: number; unreadable: number }> {
  return resealById(
    cipher,
    (after: number) =>
      models.Notice.findAll({
        where: { id: { [Op.gt]: after }, stateEnc: { [Op.ne]: null } },
        order: [['id', 'ASC']],
        limit: BATCH,
      }),
    [['stateEnc', (r) => noticeStateContext(r.key)]],
  );
}

/** Calendar sync's sealed sync tokens and undelivered batches (calendar_syncs), a page of accounts at a time. */
export async function reencryptCalendarSyncs(
  models: Models,
  cipher: TokenCipher,
): Promise<{ rewritten: number; unreadable: number }> {
  let rewritten = 0;
  let unreadable = 0;
  for (let after = ''; ; ) {
    const rows = await models.CalendarSync.findAll({
      where: { userId: { [Op.gt]: after } },
      order: [['userId', 'ASC']],
      limit: BATCH,
    });
    const result = await resealAll(cipher, rows, [
      ['syncTokenEnc', (r) => syncTokenContext(r.userId)],
      ['pendingBatchEnc', (r) => pendingBatchContext(r.userId)],
    ]);
    rewritten += result.rewritten;
    unreadable += result.unreadable;
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].userId;
  }
  return { rewritten, unreadable };
}

export interface KeyRotationReport extends RotationReport {
  agentRows: number;
  jobPayloads: number;
  settingsRows: number;
  noticeRows: number;
  calendarRows: number;
}

/** Everything stored encrypted, with the context's current key. */
export async function rotateAllKeys(ctx: AppContext): Promise<KeyRotationReport> {
  const auth = await rotateKeys(ctx.db, ctx.cipher);
  const agent = await reencryptAgentData(ctx.db.models, ctx.cipher);
  const jobs = await reencryptJobPayloads(ctx.db, ctx.cipher);
  const settings = await reencryptSettings(ctx.db.models, ctx.cipher);
  const notices = await reencryptNotices(ctx.db.models, ctx.cipher);
  const calendar = await reencryptCalendarSyncs(ctx.db.models, ctx.cipher);
  return {
    ...auth,
    agentRows: agent.rewritten,
    jobPayloads: jobs.rewritten,
    settingsRows: settings.rewritten,
    noticeRows: notices.rewritten,
    calendarRows: calendar.rewritten,
    unreadable:
      auth.unreadable +
      agent.unreadable +
      jobs.unreadable +
      settings.unreadable +
      notices.unreadable +
      calendar.unreadable,
  };
}
