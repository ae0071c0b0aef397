import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * Until when each workspace must not post (the latest Retry-After any instance heard), shared so
 * that a 429 one instance received holds every instance back, not only the one that got it.
 */
export interface PauseStore {
  /** Epoch ms before which the workspace must wait; 0 when it need not. */
  until(teamId: string): Promise<number>;
  /** Records a pause; a shorter one never shortens a longer one already there. */
  pause(teamId: string, until: number): Promise<void>;
}

/** One process's pauses (unit tests, a single instance without a database). */
export function memoryPauses(): PauseStore {
  const m = new Map<string, number>();
  return {
    until: async (teamId) => m.get(teamId) ?? 0,
    pause: async (teamId, until) => {
      m.set(teamId, Math.max(m.get(teamId) ?? 0, until));
    },
  };
}

/** Pauses in the slack_pauses table (migration 014), read before each post, so every instance honours them. */
export function databasePauses(sequelize: Sequelize): PauseStore {
  const mysql = sequelize.getDialect() !== 'sqlite';
  const upsert = mysql
    ? 'INSERT INTO slack_pauses (team_id, paused_until_ms) VALUES (:teamId, :until) ON DUPLICATE KEY UPDATE paused_until_ms = GREATEST(paused_until_ms, VALUES(paused_until_ms))'
    : 'INSERT INTO slack_pauses (team_id, paused_until_ms) VALUES (:teamId, :until) ON CONFLICT(team_id) DO UPDATE SET paused_until_ms = MAX(paused_until_ms, excluded.paused_until_ms)';
  return {
    async until(teamId) {
      const rows = await sequelize.query<{ paused_until_ms: number | string }>(
        'SELECT paused_until_ms FROM slack_pauses WHERE team_id = :teamId',
        { replacements: { teamId }, type: QueryTypes.SELECT },
      );
      return rows.length ? Number(rows[0].paused_until_ms) : 0;
    },
    async pause(teamId, until) {
      await sequelize.query(upsert, { replacements: { teamId, until: Math.ceil(until) } });
    },
  };
}
