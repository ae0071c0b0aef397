import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../src/config';
import { testEnv } from '../helpers/config';

const problemsOf = (env: Record<string, string | undefined>) => {
  const r = parseConfig(env);
  return r.ok ? [] : r.problems;
};

describe('configuration', () => {
  it('accepts a complete environment and fills the defaults', () => {
    const r = parseConfig(testEnv({ PUBLIC_URL: undefined, PORT: '4000' }));
    assert.ok(r.ok);
    assert.equal(r.config.publicUrl, 'http://localhost:4000');
    assert.equal(r.config.google.redirectUri, 'http://localhost:4000/auth/oauth/google/callback');
    assert.equal(r.config.databaseUrl, 'sqlite:data/lume.sqlite');
    assert.equal(r.config.tokenKeys.current.length, 32);
  });

  it('names every missing required variable, with where to get it', () => {
    const problems = problemsOf({});
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'GOOGLE_CLIENT_ID',
      'GOOGLE_CLIENT_SECRET',
      'JWT_SECRET',
      'TOKEN_ENCRYPTION_KEY',
    ]) {
      const line = problems.find((p) => p.startsWith(`${name}:`));
      assert.ok(line, `${name} not reported in ${problems.join(' | ')}`);
      assert.match(line, /\(.+\)/, 'says where to get it');
    }
  });

  it('refuses a JWT_SECRET shorter than 32 bytes', () => {
    assert.match(problemsOf(testEnv({ JWT_SECRET: 'short' }))[0], /^JWT_SECRET: must be at least 32 bytes/);
  });

  it('refuses a TOKEN_ENCRYPTION_KEY that is not 32 bytes, and bad previous keys', () => {
    assert.match(
      problemsOf(testEnv({ TOKEN_ENCRYPTION_KEY: randomBytes(16).toString('base64') }))[0],
      /^TOKEN_ENCRYPTION_KEY: must be base64 of exactly 32 bytes/,
    );
    assert.match(problemsOf(testEnv({ TOKEN_ENCRYPTION_KEY: 'not base64!!' }))[0], /^TOKEN_ENCRYPTION_KEY/);
    assert.match(
      problemsOf(testEnv({ TOKEN_ENCRYPTION_PREVIOUS_KEYS: `${randomBytes(32).toString('base64')},abc` }))[0],
      /^TOKEN_ENCRYPTION_PREVIOUS_KEYS/,
    );
  });

  it('refuses malformed values', () => {
    assert.match(problemsOf(testEnv({ SLACK_BOT_TOKEN: 'xoxp-user-token' }))[0], /^SLACK_BOT_TOKEN/);
    assert.match(problemsOf(testEnv({ PUBLIC_URL: 'lume.example.com' }))[0], /^PUBLIC_URL/);
    assert.match(problemsOf(testEnv({ DATABASE_URL: 'postgres://x' }))[0], /^DATABASE_URL/);
    assert.match(problemsOf(testEnv({ PORT: 'eighty' }))[0], /^PORT/);
    assert.match(problemsOf(testEnv({ LOG_LEVEL: 'loud' }))[0], /^LOG_LEVEL/);
  });

  it("TRUST_PROXY becomes Express's trust proxy: off, a hop count or proxy addresses; never 'trust everyone'", () => {
    const trust = (v: string | undefined) => {
      const r = parseConfig(testEnv({ TRUST_PROXY: v }));
      return r.ok ? r.config.trustProxy : r.problems[0];
    };
    assert.equal(trust(undefined), false);
    assert.equal(trust(''), false);
    assert.equal(trust('false'), false);
    assert.equal(trust('1'), 1);
    assert.deepEqual(trust('10.0.0.0/8, loopback,::1'), ['10.0.0.0/8', 'loopback', '::1']);
    assert.match(String(trust('true')), /^TRUST_PROXY: true would believe any X-Forwarded-For/);
    for (const bad of ['yes', '11', '10.0.0.0/33', '300.1.1.1', 'loopback,evil'])
      assert.match(String(trust(bad)), /^TRUST_PROXY: must be false, a hop count/, bad);
  });

  it('METRICS_TOKEN: optional; when set, long enough to be a lock and fit in a header', () => {
    const token = (v: string | undefined) => {
      const r = parseConfig(testEnv({ METRICS_TOKEN: v }));
      return r.ok ? r.config.metricsToken : r.problems[0];
    };
    assert.equal(token(undefined), undefined);
    assert.equal(token(' '), undefined);
    assert.equal(token('0123456789abcdef0123'), '0123456789abcdef0123');
    assert.match(String(token('short')), /^METRICS_TOKEN: must be at least 16 characters.*openssl rand/);
    assert.match(String(token('has a space in the middle')), /^METRICS_TOKEN: must be printable ASCII/);
  });

  it('does not need a signing secret in Socket Mode', () => {
    assert.ok(parseConfig(testEnv({ SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xapp-1-abc' })).ok);
  });

  it('.env.template documents every variable the schema reads', () => {
    const template = readFileSync('.env.template', 'utf8');
    const source = readFileSync('src/config.ts', 'utf8');
    const names = [...source.matchAll(/^ {2,4}([A-Z][A-Z0-9_]+): /gm)]
      .map((m) => m[1])
      .filter((n) => n !== 'NODE_ENV');
    assert.ok(names.length > 20);
    for (const name of names)
      assert.match(template, new RegExp(`^${name}=`, 'm'), `${name} missing from .env.template`);
  });
});
