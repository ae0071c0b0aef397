const G = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  gmailReadonly: `${G}gmail.readonly`,
  gmailSend: `${G}gmail.send`,
  gmailModify: `${G}gmail.modify`,
  gmailCompose: `${G}gmail.compose`,
  calendar: `${G}calendar`,
  calendarEvents: `${G}calendar.events`,
  calendarReadonly: `${G}calendar.readonly`,
  tasks: `${G}tasks`,
  tasksReadonly: `${G}tasks.readonly`,
  keepReadonly: `${G}keep.readonly`,
  keep: `${G}keep`,
} as const;

/** What `/lume connect` asks for: the seed's scopes (Maps uses an API key, not a user scope). */
export const REQUESTED_SCOPES = [
  'openid',
  'email',
  'profile',
  SCOPES.gmailReadonly,
  SCOPES.gmailSend,
  SCOPES.gmailModify,
  SCOPES.calendar,
  SCOPES.calendarEvents,
  SCOPES.tasks,
  SCOPES.keepReadonly,
];

/** Product areas in words, for `/lume status` and for "Lume needs access to X". */
export const SCOPE_AREAS: { area: string; anyOf: string[] }[] = [
  { area: 'Gmail (read)', anyOf: [SCOPES.gmailReadonly, SCOPES.gmailModify] },
  { area: 'Gmail (send)', anyOf: [SCOPES.gmailSend, SCOPES.gmailModify, SCOPES.gmailCompose] },
  { area: 'Gmail (organise)', anyOf: [SCOPES.gmailModify] },
  { area: 'Calendar', anyOf: [SCOPES.calendar, SCOPES.calendarEvents] },
  { area: 'Tasks', anyOf: [SCOPES.tasks] },
  { area: 'Keep', anyOf: [SCOPES.keepReadonly, SCOPES.keep] },
];

/** Google reports userinfo scopes in their long form; treat both spellings as the same grant. */
const ALIASES: Record<string, string> = {
  'https://www.googleapis.com/auth/userinfo.email': 'email',
  'https://www.googleapis.com/auth/userinfo.profile': 'profile',
};

export function hasAnyScope(granted: string[], anyOf: string[]): boolean {
  const set = new Set(granted.map((s) => ALIASES[s] ?? s));
  return anyOf.some((s) => set.has(ALIASES[s] ?? s));
}
