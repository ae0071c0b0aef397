import assert from 'node:assert/strict';
import { myResponseOf } from '../../src/calendar/google-event';
import {
  isPlace,
  isRemindedEvent,
  isStale,
  leaveNowDueAt,
  reminderDueAt,
  reminderJobKey,
} from '../../src/notify/reminder-rules';

const start = new Date('2027-01-12T18:00:00Z');
const facts = {
  status: 'confirmed' as const,
  start,
  allDay: false,
  eventType: 'default',
  response: 'accepted' as const,
};

describe('notify: reminder rules', () => {
  it('reminds timed meetings the person is going to (or has not answered), nothing else', () => {
    assert.ok(isRemindedEvent(facts));
    for (const response of ['organizer', 'tentative', 'needsAction'] as const)
      assert.ok(isRemindedEvent({ ...facts, response }));
    assert.ok(!isRemindedEvent({ ...facts, response: 'declined' }));
    assert.ok(!isRemindedEvent({ ...facts, status: 'cancelled' }));
    assert.ok(!isRemindedEvent({ ...facts, allDay: true, start: null }));
    for (const eventType of ['outOfOffice', 'workingLocation', 'birthday'])
      assert.ok(!isRemindedEvent({ ...facts, eventType }), eventType);
    for (const eventType of ['default', 'focusTime', 'fromGmail'])
      assert.ok(isRemindedEvent({ ...facts, eventType }), eventType);
  });

  it('due times are instants: lead minutes, and the trip rounded up to a whole minute', () => {
    assert.equal(reminderDueAt(start, 5).toISOString(), '2027-01-12T17:55:00.000Z');
    assert.equal(reminderDueAt(start, 0).toISOString(), start.toISOString());
    assert.equal(leaveNowDueAt(start, 1201, 5).toISOString(), '2027-01-12T17:34:00.000Z');
  });

  it('a reminder is stale once the meeting started and it is more than 5 minutes late', () => {
    const due = reminderDueAt(start, 0);
    assert.ok(!isStale(new Date(start.getTime() + 4 * 60_000), due, start));
    assert.ok(isStale(new Date(start.getTime() + 6 * 60_000), due, start));
    const early = reminderDueAt(start, 60);
    assert.ok(
      !isStale(new Date(early.getTime() + 30 * 60_000), early, start),
      'late but before the start: still useful',
    );
  });

  it('a place is text without a link', () => {
    assert.ok(isPlace('1 Ferry Building, San Francisco'));
    assert.ok(!isPlace('https://acme.zoom.us/j/1'));
    assert.ok(!isPlace('Zoom: https://acme.zoom.us/j/1'));
    assert.ok(!isPlace('  '));
    assert.ok(!isPlace(null));
  });

  it('the person’s answer as sync stores it', () => {
    assert.equal(myResponseOf({}), 'organizer');
    assert.equal(
      myResponseOf({ organizer: { self: true }, attendees: [{ self: true, responseStatus: 'accepted' }] }),
      'organizer',
    );
    assert.equal(myResponseOf({ attendees: [{ self: true, responseStatus: 'needsAction' }] }), 'needsAction');
    // Invited through a group: on their calendar without their own entry, so not answered.
    assert.equal(myResponseOf({ attendees: [{ email: 'team@example.com' }] }), 'needsAction');
    assert.equal(
      myResponseOf({ organizer: { self: true }, attendees: [{ self: true, responseStatus: 'declined' }] }),
      'declined',
    );
  });

  it('job keys are per identity and event, printable and short', () => {
    const key = reminderJobKey(42, 'x'.repeat(1024));
    assert.match(key, /^reminder:42:[0-9a-f]{40}$/);
    assert.notEqual(reminderJobKey(43, 'ev'), reminderJobKey(42, 'ev'));
  });
});
