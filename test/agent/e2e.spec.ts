import assert from 'node:assert/strict';
import { call, functionResponses, text } from '../fakes/gemini/server';
import { seedEvent } from '../fakes/google/seed';
import { ADA } from '../fakes/google/server';
import { ADA_SLACK, type AgentWorld, DM, startAgentWorld } from './harness';

// A Tuesday morning in London (GMT in March): "tomorrow" is Wednesday 11 March 2026.
const NOW = new Date('2026-03-10T09:00:00Z');
const SEND = '/gmail/v1/users/me/messages/send';

/** The issue's "done when", end to end: signed Slack requests → real server → agent → fake Gemini + Google. */
describe('agent: end to end through the running server', () => {
  let w: AgentWorld;
  beforeEach(async () => {
    w = await startAgentWorld({ now: () => NOW });
  });
  afterEach(() => w.close());

  it('a DM "What is on my calendar tomorrow?" is answered in the DM with tomorrow\'s events', async () => {
    const g = w.t.google.state;
    seedEvent(g, ADA.sub, {
      summary: 'Standup',
      start: { dateTime: '2026-03-11T09:30:00Z' },
      end: { dateTime: '2026-03-11T09:45:00Z' },
    });
    seedEvent(g, ADA.sub, {
      summary: 'Lunch with Priya',
      start: { dateTime: '2026-03-11T12:30:00Z' },
      end: { dateTime: '2026-03-11T13:30:00Z' },
    });
    seedEvent(g, ADA.sub, {
      summary: 'Today only',
      start: { dateTime: '2026-03-10T15:00:00Z' },
      end: { dateTime: '2026-03-10T16:00:00Z' },
    });
    // The fake model does what Gemini would: ask for tomorrow's window, then summarise what came back.
    w.gemini.push(
      call('list_events', { start: '2026-03-11T00:00:00', end: '2026-03-12T00:00:00' }),
      (req) => {
        const [res] = functionResponses(req);
        const data = (
          res.response.output as { untrusted_data: { events: { title: string; start: string }[] } }
        ).untrusted_data;
        return text(
          `Tomorrow you have:\n${data.events.map((e) => `- **${e.title}** at ${e.start}`).join('\n')}\n`,
        );
      },
    );

    await w.dm('What is on my calendar tomorrow?');

    const answer = w.t.slack.state.messages.find(
      (m) => m.channel === DM && m.text?.includes('Tomorrow you have'),
    );
    assert.ok(answer, 'an answer was posted in the DM');
    assert.match(answer.text ?? '', /Standup/);
    assert.match(answer.text ?? '', /Lunch with Priya/);
    assert.doesNotMatch(answer.text ?? '', /Today only/);
    // The answer is real mrkdwn with the feedback buttons under it, and it never unfurls.
    const post = w.t.slack.state
      .callsTo('chat.postMessage')
      .find((c) => String(c.args.text).includes('Tomorrow'));
    assert.equal(String(post?.args.unfurl_links), 'false');
    assert.match(JSON.stringify(post?.args.blocks), /\*Standup\*/);
    assert.match(JSON.stringify(post?.args.blocks), /feedback_buttons/);
    // The model was told who, where and when.
    const system = JSON.stringify(w.gemini.requests[0].body.systemInstruction);
    assert.match(system, /Ada/);
    assert.match(system, /Europe\/London/);
    assert.match(system, /Tuesday, March 10, 2026/);
  });

  it('a send-mail request shows a card, sends nothing until Confirm, then sends exactly once', async () => {
    w.gemini.push(
      call('send_email', {
        to: ['bob@example.com'],
        subject: 'Report',
        body: 'Hi Bob, the report is attached.',
      }),
      text('I drafted the email — please check the card and click Confirm to send it.'),
    );
    await w.dm('Email Bob that the report is attached');

    const [card] = await w.cards();
    assert.ok(card, 'a confirmation card was posted');
    const shown = JSON.stringify(card.message.blocks);
    for (const part of ['bob@example.com', 'Report', 'Hi Bob, the report is attached.'])
      assert.ok(shown.includes(part), part);
    assert.equal(w.t.google.state.requestsTo(SEND, 'POST').length, 0, 'nothing sent before Confirm');

    await w.click('confirm', card, 'U0EVE');
    assert.equal(w.t.google.state.requestsTo(SEND, 'POST').length, 0, "another person's click sends nothing");
    const refusal = w.t.slack.state.messages.find((m) => m.ephemeralTo === 'U0EVE');
    assert.match(refusal?.text ?? '', /Only the person who asked/);

    await w.click('confirm', card, ADA_SLACK, 3); // a frantic triple click, all at once
    await w.click('confirm', card); // and one more later
    assert.equal(w.t.google.state.requestsTo(SEND, 'POST').length, 1, 'sent exactly once');
    assert.match(JSON.stringify(card.message.blocks), /Done — confirmed by <@U0ADA>/);
    assert.doesNotMatch(JSON.stringify(card.message.blocks), /lume_action_confirm/, 'the buttons are gone');
    const again = w.t.slack.state.messages.filter((m) => m.ephemeralTo === ADA_SLACK);
    assert.match(again.at(-1)?.text ?? '', /already confirmed/);

    // Next turn, the model hears what happened to its proposal.
    w.gemini.push(text('It went out.'));
    await w.dm('Did it go out?');
    const history = JSON.stringify(w.gemini.requests.at(-1)?.body.contents);
    assert.match(history, /clicked Confirm on \\"Send email\\" and it was carried out/);
  });
});
