import { type InferAttributes, Op, UniqueConstraintError, type WhereOptions } from 'sequelize';
import type { Models, PersonSetting, SlackIdentity } from '../../models';
import { Sealer } from '../crypto/sealer';
import { DecryptError, type TokenCipher } from '../crypto/token-cipher';
import { ErrorCode, LumeError } from '../errors';
import type { MapsAccess } from '../google/maps';
import type { Logger } from '../log';
import { DAY_MS } from '../time/duration';
import { safeZone } from '../time/zone';
import { type Located, locate } from './locate';
import { DEFAULT_TRAVEL_MODE, isBriefingDays, isTravelMode, LEAD_MINUTES } from './rules';
import type { Briefing, Location, PersonSettings, SettingsChange, SlackPerson } from './types';
import { InvalidSettingsError, settingsProblem } from './validate';

/** A Slack time zone older than this is read again (the daily re-read job asks for these people). */
export const TIME_ZONE_MAX_AGE_MS = DAY_MS;

/** Where a sealed location lives: bound to its Slack identity, so a copied ciphertext fails. */
export const locationContext = (slackIdentityId: number) => ({
  table: 'person_settings',
  column: 'location',
  row: String(slackIdentityId),
});

/** What a person has before they choose anything. */
export function defaultSettings(): PersonSettings {
  return {
    reminders: { enabled: true, leadMinutes: LEAD_MINUTES.default },
    invitations: { enabled: true },
    briefing: null,
    location: null,
    travelMode: DEFAULT_TRAVEL_MODE,
    timeZone: null,
    timeZoneReadAt: null,
  };
}

/** The settings service refuses to store settings for a Slack person who is not linked to Lume. */
export class SettingsNotLinkedError extends LumeError {
  constructor() {
    super(ErrorCode.SettingsNotLinked, 'settings belong to a linked Slack identity');
  }
}

type Row = Omit<InferAttributes<PersonSetting>, 'id' | 'slackIdentityId' | 'createdAt' | 'updatedAt'>;
type Columns = Partial<Row>;

/** A new row: every column at its default. */
function defaultRow(): Row {
  const d = defaultSettings();
  return {
    remindersEnabled: d.reminders.enabled,
    reminderLeadMinutes: d.reminders.leadMinutes,
    invitationsEnabled: d.invitations.enabled,
    briefingHour: null,
    briefingMinute: null,
    briefingDays: null,
    locationEnc: null,
    travelMode: d.travelMode,
    timeZone: null,
    timeZoneReadAt: null,
  };
}

export interface SettingsDeps {
  models: Models;
  cipher: TokenCipher;
  log: Logger;
  now: () => Date;
  /** Present when GOOGLE_MAPS_API_KEY is set: typed addresses are then resolved with Places. */
  maps?: MapsAccess;
}

/**
 * Each linked Slack person's settings for what Lume says first: reminders, invitations, the daily
 * briefing, where leave-now trips start and how, and the Slack time zone those times are in. Rows
 * exist only for linked Slack identities and go with them; anyone without a row has the defaults.
 * Nothing here knows Slack: the zone arrives as a string, read by whoever asked Slack.
 */
/** A person's settings changed (a command, the modal, a new time zone): what they were, and are now. */
export type SettingsListener = (e: {
  person: SlackPerson;
  before: PersonSettings;
  after: PersonSettings;
}) => Promise<void> | void;

export class Settings {
  private readonly sealer: Sealer;
  private readonly listeners: SettingsListener[] = [];

  constructor(private readonly deps: SettingsDeps) {
    this.sealer = new Sealer(deps.cipher);
  }

  /** Whether typed addresses can be resolved (and so leave-now can work at all). */
  get mapsConfigured(): boolean {
    return !!this.deps.maps;
  }

  /**
   * Hear every change that was stored (src/notify re-plans reminders and the briefing). Listeners run
   * after the write, in order; a failing one is logged and never undoes or blocks the change.
   */
  onChanged(listener: SettingsListener): void {
    this.listeners.push(listener);
  }

  /** The person's settings; the defaults when they never chose anything (or are not linked). */
  async get(person: SlackPerson): Promise<PersonSettings> {
    const identity = await this.identity(person);
    return identity?.settings ? this.read(identity.settings) : defaultSettings();
  }

  /** Every Slack person linked to this Google account (one per workspace), with their settings. */
  async ofGoogleUser(userId: string): Promise<{ person: SlackPerson; settings: PersonSettings }[]> {
    const identities = await this.deps.models.SlackIdentity.findAll({
      where: { userId },
      include: [{ model: this.deps.models.PersonSetting, as: 'settings', required: false }],
      order: [['id', 'ASC']],
    });
    return identities.map((i) => ({
      person: { teamId: i.teamId, slackUserId: i.slackUserId },
      settings: i.settings ? this.read(i.settings) : defaultSettings(),
    }));
  }

  /**
   * Apply a change and return the settings as they now stand. Only the columns the change names are
   * written, so two changes at once to different settings both hold. A change that breaks the rules
   * (InvalidSettingsError) or a person who is not linked (SettingsNotLinkedError) writes nothing.
   */
  async update(person: SlackPerson, change: SettingsChange): Promise<PersonSettings> {
    const problem = settingsProblem(change);
    if (problem) throw new InvalidSettingsError(problem);
    const identity = await this.identity(person);
    if (!identity) throw new SettingsNotLinkedError();
    const before = identity.settings ? this.read(identity.settings) : defaultSettings();
    const values = this.columns(identity.id, change);
    if (Object.keys(values).length) await this.write(identity.id, values);
    const after = await this.get(person);
    await this.announce(person, before, after);
    return after;
  }

  /**
   * Record the zone Slack's users.info gave for this person, read at `readAt`. An older read never
   * overwrites a newer one. People who are not linked are not recorded (Lume keeps nothing about
   * teammates it only looked up). Returns whether anything was stored.
   */
  async refreshTimeZone(person: SlackPerson, tz: string, readAt: Date = this.deps.now()): Promise<boolean> {
    const identity = await this.identity(person);
    if (!identity) return false;
    const before = identity.settings ? this.read(identity.settings) : defaultSettings();
    const values = { timeZone: safeZone(tz), timeZoneReadAt: readAt };
    const newer = { [Op.or]: [{ timeZoneReadAt: null }, { timeZoneReadAt: { [Op.lte]: readAt } }] };
    const stored = await this.write(identity.id, values, newer);
    if (stored && before.timeZone !== values.timeZone)
      await this.announce(person, before, await this.get(person));
    return stored;
  }

  private async announce(person: SlackPerson, before: PersonSettings, after: PersonSettings): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener({ person, before, after });
      } catch (err) {
        this.deps.log.error({ err, teamId: person.teamId }, 'settings listener failed');
      }
    }
  }

  /**
   * Connected people whose Slack time zone was last read before `readBefore` (default: a day ago)
   * or never, oldest first: the daily re-read job asks Slack about these and calls refreshTimeZone.
   */
  async staleTimeZones(
    o: { readBefore?: Date; limit?: number } = {},
  ): Promise<(SlackPerson & { timeZone: string | null })[]> {
    const { SlackIdentity, User, PersonSetting } = this.deps.models;
    const readBefore = o.readBefore ?? new Date(this.deps.now().getTime() - TIME_ZONE_MAX_AGE_MS);
    const rows = await SlackIdentity.findAll({
      attributes: ['id', 'teamId', 'slackUserId'],
      include: [
        // Connected as Accounts judges it: a grant Lume can still use.
        {
          model: User,
          as: 'user',
          attributes: [],
          where: { status: 'connected', refreshTokenEnc: { [Op.ne]: null } },
        },
        { model: PersonSetting, as: 'settings', attributes: ['timeZone', 'timeZoneReadAt'], required: false },
      ],
      where: {
        [Op.or]: [
          { '$settings.time_zone_read_at$': null },
          { '$settings.time_zone_read_at$': { [Op.lt]: readBefore } },
        ],
      },
      order: [
        [{ model: PersonSetting, as: 'settings' }, 'timeZoneReadAt', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: o.limit ?? 500,
      subQuery: false,
    });
    return rows.map((i) => ({
      teamId: i.teamId,
      slackUserId: i.slackUserId,
      timeZone: i.settings?.timeZone ?? null,
    }));
  }

  /** Typed address → Google's place for it (Places text search); 'no-maps' without a Maps key. */
  async locate(input: string, signal?: AbortSignal): Promise<Located | { kind: 'no-maps' }> {
    if (!this.deps.maps) return { kind: 'no-maps' };
    return locate(this.deps.maps, input, signal);
  }

  /** Disconnect: the settings of every Slack person linked to this Google account go. */
  async forgetUser(userId: string): Promise<number> {
    return this.forgetIdentities({ userId });
  }

  /** One Slack person left (disconnect, uninstall, a switch of account): their settings go. */
  async forgetPerson(teamId: string, slackUserId: string): Promise<number> {
    return this.forgetIdentities({ teamId, slackUserId });
  }

  /** Uninstall: every setting in this workspace goes. */
  async forgetTeam(teamId: string): Promise<number> {
    return this.forgetIdentities({ teamId });
  }

  private async forgetIdentities(where: WhereOptions<SlackIdentity>): Promise<number> {
    const { SlackIdentity, PersonSetting } = this.deps.models;
    const ids = (await SlackIdentity.findAll({ where, attributes: ['id'] })).map((i) => i.id);
    if (!ids.length) return 0;
    return PersonSetting.destroy({ where: { slackIdentityId: ids } });
  }

  private identity(person: SlackPerson): Promise<SlackIdentity | null> {
    return this.deps.models.SlackIdentity.findOne({
      where: { teamId: person.teamId, slackUserId: person.slackUserId },
      attributes: ['id', 'teamId', 'slackUserId'],
      include: [{ model: this.deps.models.PersonSetting, as: 'settings', required: false }],
    });
  }

  /**
   * Write some columns of one person's row, creating the row (defaults + these) when there is none.
   * `guard` narrows which existing row may be updated; a row it excludes is left as it is.
   */
  private async write(
    slackIdentityId: number,
    values: Columns,
    guard: WhereOptions<PersonSetting> = {},
  ): Promise<boolean> {
    const { PersonSetting } = this.deps.models;
    const update = () => PersonSetting.update(values, { where: { slackIdentityId, ...guard } });
    const [changed] = await update();
    if (changed > 0) return true;
    // The row may have appeared since (another request created it): write again; with a guard that
    // still does not hold (an older time-zone read), nothing changes.
    if (await PersonSetting.count({ where: { slackIdentityId } })) return (await update())[0] > 0;
    try {
      await PersonSetting.create({ ...defaultRow(), ...values, slackIdentityId });
      return true;
    } catch (err) {
      // Another request created the row meanwhile: update it instead.
      if (!(err instanceof UniqueConstraintError)) throw err;
      return (await update())[0] > 0;
    }
  }

  /** The columns a change sets. */
  private columns(slackIdentityId: number, change: SettingsChange): Columns {
    const c: Columns = {};
    if (change.reminders?.enabled !== undefined) c.remindersEnabled = change.reminders.enabled;
    if (change.reminders?.leadMinutes !== undefined) c.reminderLeadMinutes = change.reminders.leadMinutes;
    if (change.invitations) c.invitationsEnabled = change.invitations.enabled;
    if (change.briefing !== undefined) {
      c.briefingHour = change.briefing?.hour ?? null;
      c.briefingMinute = change.briefing?.minute ?? null;
      c.briefingDays = change.briefing?.days ?? null;
    }
    if (change.location !== undefined)
      c.locationEnc = change.location
        ? this.sealer.seal(change.location, locationContext(slackIdentityId))
        : null;
    if (change.travelMode) c.travelMode = change.travelMode;
    return c;
  }

  private read(row: PersonSetting): PersonSettings {
    const briefing: Briefing | null =
      row.briefingHour !== null && row.briefingMinute !== null && isBriefingDays(row.briefingDays)
        ? { hour: row.briefingHour, minute: row.briefingMinute, days: row.briefingDays }
        : null;
    return {
      reminders: { enabled: !!row.remindersEnabled, leadMinutes: row.reminderLeadMinutes },
      invitations: { enabled: !!row.invitationsEnabled },
      briefing,
      location: this.openLocation(row),
      travelMode: isTravelMode(row.travelMode) ? row.travelMode : DEFAULT_TRAVEL_MODE,
      timeZone: row.timeZone,
      timeZoneReadAt: row.timeZoneReadAt,
    };
  }

  /** A location no configured key opens (a key dropped too early) reads as none: leave-now falls back. */
  private openLocation(row: PersonSetting): Location | null {
    if (!row.locationEnc) return null;
    try {
      return this.sealer.open<Location>(row.locationEnc, locationContext(row.slackIdentityId));
    } catch (err) {
      if (!(err instanceof DecryptError)) throw err;
      this.deps.log.warn({ err, slackIdentityId: row.slackIdentityId }, 'stored location unreadable');
      return null;
    }
  }
}
