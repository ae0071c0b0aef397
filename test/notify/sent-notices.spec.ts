import assert from 'node:assert/strict';
import type { AppContext } from '../../src/context';
import { DecryptError, TokenCipher } from '../../src/crypto/token-cipher';
import { NOTICE_RETENTION_MS, purgeNotices } from '../../src/jobs/purge-notices';
import { noticeKey, SentNotices } from '../../src/notify/sent-notices';
import { reencryptNotices } from '../../src/rotate-keys';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { plainUser } from '../helpers/users';

const OLD_KEY = Buffer.alloc(32, 4);
const NEW_KEY = Buffer.alloc(32, 5);
const at = new Date('2026-03-02T09:00:00.000Z');
const posted = (ts: string) => ({ channel: 'D0ADA', ts });

/** ctx.notices: one notice per key, found again by key or by event, its state sealed to its key. */
describe('notify: sent notices', () => {
  let tdb: TestDatabase;
  let identityId: number;
  let otherId: number;
  const store = (cipher = new TokenCipher(OLD_KEY)) =>
    new SentNotices({ models: tdb.db.models, cipher, now: () => at });

  beforeEach(async () => {
    tdb = await createTestDatabase();
    const { SlackIdentity } = tdb.db.models;
    const ids: number[] = [];
    for (const n of [1, 2]) {
      const user = await plainUser(tdb.db.models, `5f0c6a8e-0000-4000-8000-00000000000${n}`, `p${n}`);
      ids.push((await SlackIdentity.create({ teamId: 'T0LUME', slackUserId: `U${n}`, userId: user.id })).id);
    }
    [identityId, otherId] = ids;
  });
  afterEach(() => tdb.cleanup());

  it('keys: kind and identity first; long or odd parts hashed to a fixed width', () => {
    assert.equal(noticeKey('reminder', 7, 'evt_1', '1772442000000'), 'reminder:7:evt_1:1772442000000');
    // A part holding the separator is hashed, so two different part lists never make one key.
    assert.match(noticeKey('reminder', 7, 'a:b'), /^reminder:7:[0-9a-f]{32}$/);
    assert.notEqual(noticeKey('reminder', 7, 'a:b'), noticeKey('reminder', 7, 'a', 'b'));
    const long = noticeKey('invitation', 7, 'x'.repeat(1024));
    assert.match(long, /^invitation:7:[0-9a-f]{32}$/);
    assert.notEqual(long, noticeKey('invitation', 7, `${'x'.repeat(1023)}y`));
    assert.ok(noticeKey('change', 7, 'a b/c?').length < 191);
  });

  it('two instances recording the same key at once: one row, exactly one of them told it won', async () => {
    const key = noticeKey('reminder', identityId, 'evt1', '0900');
    const other = new SentNotices({
      models: tdb.db.models,
      cipher: new TokenCipher(OLD_KEY),
      now: () => at,
    });
    const results = await Promise.all([
      store().record({ key, identityId, kind: 'reminder', eventId: 'evt1', posted: posted('1.1') }),
      other.record({ key, identityId, kind: 'reminder', eventId: 'evt1', posted: posted('1.2') }),
    ]);
    assert.deepEqual([...results].sort(), [false, true]);
    assert.equal(await tdb.db.models.Notice.count(), 1);
    const found = await store().find(key);
    assert.equal(found?.posted.ts, results[0] ? '1.1' : '1.2', 'the first one stands');
    assert.equal(found?.sentAt.toISOString(), at.toISOString());
    assert.equal(found?.state, null);
    assert.equal(await store().find(`${key}:x`), null);
  });

  it("forEvent: the newest notice of that kind for that identity's event, nobody else's", async () => {
    const s = store();
    const eventId = `evt_${'y'.repeat(300)}`;
    await s.record({ key: 'invitation:a', identityId, kind: 'invitation', eventId, posted: posted('1.1') });
    await s.record({ key: 'invitation:b', identityId, kind: 'invitation', eventId, posted: posted('1.2') });
    await s.record({ key: 'reminder:a', identityId, kind: 'reminder', eventId, posted: posted('1.3') });
    await s.record({
      key: 'invitation:c',
      identityId: otherId,
      kind: 'invitation',
      eventId,
      posted: posted('1.4'),
    });
    await s.record({
      key: 'invitation:d',
      identityId,
      kind: 'invitation',
      eventId: 'evt2',
      posted: posted('1.5'),
    });
    assert.equal((await s.forEvent(identityId, 'invitation', eventId))?.posted.ts, '1.2');
    assert.equal((await s.forEvent(identityId, 'reminder', eventId))?.posted.ts, '1.3');
    assert.equal((await s.forEvent(otherId, 'invitation', eventId))?.posted.ts, '1.4');
    assert.equal(await s.forEvent(identityId, 'change', eventId), null);
    const row = await tdb.db.models.Notice.findOne({ where: { key: 'invitation:a' } });
    assert.ok(!row?.eventRef?.includes('evt_'), 'the event id is not kept in the clear');
  });

  it('sealed state: opens only under its own key, setState replaces it, and nothing readable is stored', async () => {
    const s = store();
    const state = { title: 'Quarterly review', answer: 'needsAction' };
    await s.record({
      key: 'invitation:a',
      identityId,
      kind: 'invitation',
      eventId: 'e',
      posted: posted('1.1'),
      state,
    });
    await s.record({
      key: 'invitation:b',
      identityId,
      kind: 'invitation',
      eventId: 'f',
      posted: posted('1.2'),
      state,
    });
    assert.deepEqual((await s.find('invitation:a'))?.state, state);
    const { Notice } = tdb.db.models;
    const a = await Notice.findOne({ where: { key: 'invitation:a' } });
    assert.ok(a?.stateEnc && !a.stateEnc.includes('Quarterly'));

    await s.setState('invitation:b', { ...state, answer: 'accepted' });
    assert.equal((await s.find<typeof state>('invitation:b'))?.state?.answer, 'accepted');

    // A ciphertext copied onto another notice's row does not open there.
    await Notice.update({ stateEnc: a.stateEnc }, { where: { key: 'invitation:b' } });
    await assert.rejects(s.find('invitation:b'), DecryptError);
    assert.deepEqual((await s.find('invitation:a'))?.state, state);
  });

  it('notices go with their Slack identity', async () => {
    await store().record({ key: 'reminder:a', identityId, kind: 'reminder', posted: posted('1.1') });
    await store().record({ key: 'reminder:b', identityId: otherId, kind: 'reminder', posted: posted('1.2') });
    await tdb.db.models.SlackIdentity.destroy({ where: { id: identityId } });
    assert.deepEqual(
      (await tdb.db.models.Notice.findAll()).map((n) => n.key),
      ['reminder:b'],
    );
  });

  it('the hourly purge drops notices a month after they went, and keeps younger ones', async () => {
    const old = new SentNotices({
      models: tdb.db.models,
      cipher: new TokenCipher(OLD_KEY),
      now: () => new Date(at.getTime() - NOTICE_RETENTION_MS - 1),
    });
    await old.record({ key: 'reminder:old', identityId, kind: 'reminder', posted: posted('1.1') });
    await store().record({ key: 'reminder:new', identityId, kind: 'reminder', posted: posted('1.2') });
    const ctx = { db: tdb.db, now: () => at } as unknown as AppContext;
    assert.equal(await purgeNotices.run(ctx, {}), 1);
    assert.deepEqual(
      (await tdb.db.models.Notice.findAll()).map((n) => n.key),
      ['reminder:new'],
    );
  });

  it('key rotation re-seals every notice state under the new key, bound to the same notice', async () => {
    const state = { title: 'Offsite', answer: 'tentative' };
    await store().record({
      key: 'invitation:a',
      identityId,
      kind: 'invitation',
      posted: posted('1.1'),
      state,
    });
    await store().record({ key: 'briefing:a', identityId, kind: 'briefing', posted: posted('1.2') });
    const rotated = new TokenCipher(NEW_KEY, [OLD_KEY]);
    assert.deepEqual(await reencryptNotices(tdb.db.models, rotated), { rewritten: 1, unreadable: 0 });
    const onlyNew = store(new TokenCipher(NEW_KEY));
    assert.deepEqual((await onlyNew.find('invitation:a'))?.state, state);
    assert.equal((await onlyNew.find('briefing:a'))?.state, null);
    await assert.rejects(store(new TokenCipher(OLD_KEY)).find('invitation:a'), DecryptError);
  });
});
