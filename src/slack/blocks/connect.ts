import type { types } from '@slack/bolt';
import type { Unlinked } from '../../auth/accounts';
import { CONNECT_LINK_TTL_MS } from '../../auth/connect-links';
import { REQUESTED_SCOPES, SCOPE_AREAS } from '../../google/scopes';
import { GOOGLE_PERMISSIONS_URL } from '../../messages';
import { BRIEFING_DAYS_WORDS, OFFERED_BRIEFING } from '../../settings/rules';
import { formatTimeOfDay } from '../../settings/time-of-day';
import type { Briefing } from '../../settings/types';
import { inWords } from '../../time/duration';
import { ACTIONS } from './action-ids';
import { briefingWhen, type SettingsScene } from './settings';
import { type Block, context, esc, type SlackMessage, section } from './text';

/** The areas /lume connect asks Google for, in words, derived from the scopes actually requested. */
export const REQUESTED_AREAS = SCOPE_AREAS.filter((a) =>
  a.anyOf.some((s) => REQUESTED_SCOPES.includes(s)),
).map((a) => a.area);

export interface ConnectOptions {
  url: string;
  expiresAt: Date;
  /** Why Lume is asking (e.g. "To show your day, Lume needs your Google account."). */
  reason?: string;
  /** Already connected: the link then adds missing access or switches account. */
  connectedAs?: string;
}

export function connectButton(url: string, label = 'Connect Google'): types.Button {
  return {
    type: 'button',
    action_id: ACTIONS.connectLink,
    text: { type: 'plain_text', text: label },
    url,
    style: 'primary',
  };
}

/** The one-time link, and a plain note of what Lume will get access to. */
export function connectMessage(o: ConnectOptions): SlackMessage {
  const lead = o.connectedAs
    ? `You're connected as *${esc(o.connectedAs)}*. Use this link to grant access Lume is missing, or to switch to another Google account.`
    : (o.reason ?? 'Link your Google account so Lume can show your day and answer questions about it.');
  const epoch = Math.floor(o.expiresAt.getTime() / 1000);
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: lead }, accessory: connectButton(o.url) },
    context(
      `Lume will ask Google for: ${REQUESTED_AREAS.join(', ')}. It never sends mail or changes your calendar, tasks or notes until you click *Confirm*.`,
    ),
    context(
      `The link is only for you and works once, until <!date^${epoch}^{time}|${o.expiresAt.toISOString().slice(11, 16)} UTC> (${inWords(CONNECT_LINK_TTL_MS)}).`,
    ),
  ];
  return { text: `${lead} ${o.url}`, blocks };
}

export function disconnectButton(email: string): types.Button {
  return {
    type: 'button',
    action_id: ACTIONS.disconnect,
    text: { type: 'plain_text', text: 'Disconnect' },
    style: 'danger',
    confirm: {
      title: { type: 'plain_text', text: 'Disconnect Google?' },
      text: {
        type: 'mrkdwn',
        text: `Lume will revoke its access to *${esc(email)}* and delete what it keeps about you. You can connect again any time.`,
      },
      confirm: { type: 'plain_text', text: 'Disconnect' },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'danger',
    },
  };
}

/** The "Connected" DM's briefing part: the offer (one click), or the briefing as it now stands. */
export interface BriefingOffer {
  /** The Slack user the DM goes to: only their click takes the offer. */
  owner: string;
  briefing: Briefing | null;
  scene: Pick<SettingsScene, 'zone' | 'now'>;
}

const OFFER_WHEN = `${BRIEFING_DAYS_WORDS[OFFERED_BRIEFING.days]} at ${formatTimeOfDay(OFFERED_BRIEFING)}`;

function briefingBlock(o: BriefingOffer): Block {
  if (o.briefing)
    return section(
      `:sunrise: *Your daily briefing:* ${briefingWhen(o.briefing, o.scene)}. Change it with \`/lume briefing\` or \`/lume settings\`.`,
    );
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `:sunrise: *Your day, each morning:* your calendar, tasks and the mail that needs you, as a DM. Get this ${OFFER_WHEN} (${esc(o.scene.zone)})?`,
    },
    accessory: {
      type: 'button',
      action_id: ACTIONS.briefingOffer,
      text: { type: 'plain_text', text: `Yes, ${OFFER_WHEN}` },
      value: o.owner,
      style: 'primary',
    },
  };
}

/** The DM sent when a link completes, offering the daily briefing when there is an offer to make. */
export function connectedMessage(email: string, offer?: BriefingOffer): SlackMessage {
  const text = `Connected as ${email}.`;
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `:white_check_mark: Connected as *${esc(email)}*.` },
        accessory: disconnectButton(email),
      },
      section('Try `/lume today` for your day, or ask me anything right here.'),
      ...(offer ? [briefingBlock(offer)] : []),
    ],
  };
}

/** After `/lume disconnect` or the Disconnect button: what was revoked, and what Lume deleted. */
export function disconnectedMessage(gone: Unlinked): SlackMessage {
  const unconfirmed = gone.hadAccess && !gone.revokedAtGoogle;
  const access = !gone.hadAccess
    ? 'Google had already withdrawn Lume’s access.'
    : gone.revokedAtGoogle
      ? 'Lume revoked its Google access.'
      : 'Google did not confirm the revocation — to be sure, remove Lume in your Google account settings';
  const kept = gone.forgotten
    ? 'It deleted everything it kept about you: the link, your tokens, conversation memory and pending requests. Only its server logs remain, and they never hold your mail, events or messages.'
    : 'It deleted this Slack link, its conversation memory and pending requests; the account stays known to your other Slack identity, which has to connect again.';
  const where = (settings: string) => (unconfirmed ? ` (${settings}).` : '');
  const done = `Disconnected ${gone.email}. ${access}`;
  return {
    text: `${done}${where(GOOGLE_PERMISSIONS_URL)} ${kept}`,
    blocks: [
      section(`${esc(done)}${where(`<${GOOGLE_PERMISSIONS_URL}|Google account settings>`)} ${esc(kept)}`),
      context('Run `/lume connect` to link an account again.'),
    ],
  };
}
