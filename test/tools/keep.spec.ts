import assert from 'node:assert/strict';
import { SCOPES } from '../../src/google/scopes';
import { describeToolError } from '../../src/tools/errors';
import { KEEP_UNAVAILABLE } from '../../src/tools/lib/keep';
import { listNotes } from '../../src/tools/list-notes';
import { readNote } from '../../src/tools/read-note';
import { seedNote } from '../fakes/google/seed';
import { startToolHarness, type ToolHarness } from './harness';

describe('Keep tools', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());

  it('explains in one line, as data, that a consumer account cannot use Keep', async () => {
    seedNote(h.fake.state, h.sub, { title: 'Groceries', body: { text: { text: 'milk' } } });
    h.fake.state.dataFor(h.sub).keepEnabled = false;
    const out = await listNotes.handler({}, h.ctx());
    assert.deepEqual(out, { keepUnavailable: true, explanation: KEEP_UNAVAILABLE });
    assert.ok(!KEEP_UNAVAILABLE.includes('\n'));
    assert.deepEqual(await readNote.handler({ noteId: 'notes/x' }, h.ctx()), out);
    // The request did reach Google and got its 403: the explanation is not a guess made up front.
    assert.equal(h.fake.state.requestsTo('/v1/notes').length, 2);
  });

  it('lists and reads notes, checklists as [x]/[ ] lines, for a Workspace account with Keep enabled', async () => {
    h.fake.state.dataFor(h.sub).keepEnabled = true;
    seedNote(h.fake.state, h.sub, { title: 'Trip', body: { text: { text: 'Passport, adapters' } } });
    const list = seedNote(h.fake.state, h.sub, {
      title: 'Packing',
      body: {
        list: {
          listItems: [
            { text: { text: 'Shoes' }, checked: true },
            {
              text: { text: 'Bag' },
              checked: false,
              childListItems: [{ text: { text: 'Charger' }, checked: false }],
            },
          ],
        },
      },
    });
    seedNote(h.fake.state, h.sub, { title: 'Old', trashed: true, body: { text: { text: 'gone' } } });
    const out = (await listNotes.handler({}, h.ctx())) as { notes: { title: string }[] };
    assert.deepEqual(
      out.notes.map((n) => n.title),
      ['Trip', 'Packing'],
    );
    const note = (await readNote.handler({ noteId: list.name ?? '' }, h.ctx())) as {
      text: string;
      checklist: boolean;
    };
    assert.equal(note.text, '[x] Shoes\n[ ] Bag\n  [ ] Charger');
    assert.equal(note.checklist, true);
  });

  it('a missing Keep scope is not mistaken for a consumer account', async () => {
    h.fake.state.dataFor(h.sub).keepEnabled = true;
    const err = await listNotes
      .handler({}, h.ctx({ scopes: [SCOPES.gmailReadonly] }))
      .catch((e: unknown) => e);
    assert.equal(
      describeToolError(err, listNotes),
      'Lume needs access to Keep — run `/lume connect` to grant it.',
    );
  });
});
