import type { Agenda, AgendaEvent } from './types';

/**
 * A day as it may be posted where others read it (`/lume today share`). A private or confidential
 * event is only a busy slot: no title, place or links. Join links lose their passcode — with Zoom's
 * `pwd=` anyone who reads the channel walks straight past the waiting room. Descriptions never come
 * this far (the agenda has none), and mail is left out by the renderer.
 */
export function sharedAgenda(a: Agenda): Agenda {
  if (!a.events.ok) return a;
  return { ...a, events: { ok: true, value: a.events.value.map(sharedEvent) } };
}

export const BUSY_TITLE = 'Busy';

function sharedEvent(e: AgendaEvent): AgendaEvent {
  const { title, location, joinUrl, htmlLink, private: hidden, ...when } = e;
  if (hidden) return { ...when, title: BUSY_TITLE, private: true };
  return {
    ...when,
    title,
    ...(location ? { location: withoutPasscodesInText(location) } : {}),
    ...(joinUrl ? { joinUrl: withoutPasscode(joinUrl) } : {}),
    ...(htmlLink ? { htmlLink } : {}),
  };
}

/** Query parameters that carry a meeting's passcode or a join token (Zoom, Webex, GoToMeeting, Jitsi…). */
const SECRET_PARAMS = /^(pwd|passcode|password|pass|pw|pin|tk|token|jwt)$/i;
/** Teams' short links (teams.microsoft.com/meet/<id>?p=<passcode>) put it in `p`. */
const TEAMS_HOST = /(^|\.)teams\.(microsoft|live)\.com$/i;

/** The URL without passcode parameters (and without a fragment, where some put one); as it was when unparseable. */
export function withoutPasscode(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAMS.test(name) || (name === 'p' && TEAMS_HOST.test(url.hostname)))
      url.searchParams.delete(name);
  }
  url.hash = '';
  return url.toString();
}

const URLS = /https?:\/\/[^\s<>|"]+/gi;
/** "Passcode: 991122", "Meeting password = abc", "PIN 1234#" as people paste them into a location. */
const SPOKEN = /\b(pass\s?code|password|pwd|pin)(\s*[:=#]\s*|\s+)[^\s,;)]+/gi;

function withoutPasscodesInText(text: string): string {
  return text
    .replace(URLS, (u) => withoutPasscode(u))
    .replace(SPOKEN, (_m, word: string) => `${word}: (not shared)`);
}
