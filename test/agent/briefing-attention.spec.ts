import assert from 'node:assert/strict';
import type { Agenda, AgendaEvent } from '../../src/agenda';
import { attentionInput, clashesOf } from '../../src/agent/briefing-attention';

const ev = (title: string, start: string, end: string, more: Partial<AgendaEvent> = {}): AgendaEvent => ({
  title,
  allDay: false,
  start: new Date(start),
  end: new Date(end),
  ...more,
});

describe('briefing attention input', () => {
  it('clashes are overlapping timed events; back-to-back and all-day ones are not', () => {
    const a = ev('A', '2025-06-10T16:00:00Z', '2025-06-10T17:00:00Z');
    const b = ev('B', '2025-06-10T16:30:00Z', '2025-06-10T17:30:00Z');
    const c = ev('C', '2025-06-10T17:30:00Z', '2025-06-10T18:00:00Z');
    const d: AgendaEvent = { title: 'Offsite', allDay: true };
    assert.deepEqual(
      clashesOf([c, d, b, a]).map(([x, y]) => [x.title, y.title]),
      [['A', 'B']],
    );
  });

  it('what the model reads: local times, private events as Busy, the facts worked out', () => {
    const agenda: Agenda = {
      date: '2025-06-10',
      timeZone: 'Europe/Berlin',
      email: 'ada@example.com',
      events: {
        ok: true,
        value: [
          ev('Secret interview', '2025-06-10T08:00:00Z', '2025-06-10T09:00:00Z', { private: true }),
          ev('Planning', '2025-06-10T08:30:00Z', '2025-06-10T09:30:00Z', { noAgenda: true }),
        ],
      },
      tasks: { ok: true, value: { overdue: [{ title: 'Taxes', due: '2025-06-01', list: 'x' }], today: [] } },
      mail: { ok: false, note: 'Gmail could not be loaded.' },
    };
    const input = attentionInput(agenda) as {
      events: { title: string; start: string }[];
      facts: unknown;
    };
    assert.equal(input.events[0].title, 'Busy');
    assert.equal(input.events[0].start, '2025-06-10T10:00:00+02:00');
    assert.deepEqual(input.facts, {
      clashes: [['Busy', 'Planning']],
      meetings_without_agenda: ['Planning'],
      overdue_tasks: 1,
      mail_waiting: null,
    });
    assert.doesNotMatch(JSON.stringify(input), /Secret interview/);
  });
});
