import { nkeyAuthenticator, tokenAuthenticator, usernamePasswordAuthenticator, type Authenticator } from '@nats-io/transport-node';

/** How to authenticate to the NATS server: a user and password, a token, or an nkey seed. Never logged. */
export type NatsCredentials = { user: string; password: string } | { token: string } | { nkeySeed: string };

/** The environment variables credentials are read from. */
export const credentialVariables = ['NATS_USER', 'NATS_PASSWORD', 'NATS_TOKEN', 'NATS_NKEY_SEED'] as const;

/**
 * Credentials from NATS_USER and NATS_PASSWORD, NATS_TOKEN or NATS_NKEY_SEED; undefined when none is set. Setting more
 * than one kind, or a user without a password, is an error (naming the variables, never their values).
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): NatsCredentials | undefined {
  const value = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const user = value('NATS_USER');
  const password = value('NATS_PASSWORD');
  const token = value('NATS_TOKEN');
  const nkeySeed = value('NATS_NKEY_SEED');
  const kinds = [user !== undefined || password !== undefined, token !== undefined, nkeySeed !== undefined].filter(Boolean).length;
  if (kinds > 1) throw new RangeError('NATS credentials: set only one of NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_NKEY_SEED');
  if (user !== undefined || password !== undefined) {
    if (user === undefined || password === undefined) throw new RangeError('NATS credentials: NATS_USER and NATS_PASSWORD go together');
    return { user, password };
  }
  if (token !== undefined) return { token };
  if (nkeySeed !== undefined) return { nkeySeed };
  return undefined;
}

/** The scheme of a server URL and the credentials written into it (`user:password@` or `token@`), when there are any. */
const USERINFO_PATTERN = String.raw`([a-z]+:\/\/)([^@/\s,]*)@`;
const SCHEME_AND_USERINFO = new RegExp(`^${USERINFO_PATTERN}`, 'i');
/** The same, wherever URLs stand in a longer text (a command line, a comma-separated list). */
const USERINFO_ANYWHERE = new RegExp(USERINFO_PATTERN, 'gi');

/** The credentials part of a server URL as written (`user:password` or `token`), or undefined when it has none. */
export function userinfoOf(url: string): string | undefined {
  return SCHEME_AND_USERINFO.exec(url)?.[2];
}

/**
 * The credentials written into a server URL, nats://user:password@host or nats://token@host (percent-decoded), from
 * the first URL that holds any; undefined when none does.
 */
export function credentialsInUrls(urls: readonly string[]): NatsCredentials | undefined {
  for (const url of urls) {
    const userinfo = userinfoOf(url);
    if (!userinfo) continue;
    const [name, ...rest] = userinfo.split(':');
    const user = decodeURIComponent(name!);
    return rest.length === 0 ? { token: user } : { user, password: decodeURIComponent(rest.join(':')) };
  }
  return undefined;
}

/** `url` without the credentials written into it. */
export function withoutCredentials(url: string): string {
  return url.replace(SCHEME_AND_USERINFO, '$1');
}

/** The nats.js authenticator for `credentials`. */
export function authenticatorFor(credentials: NatsCredentials): Authenticator {
  if ('password' in credentials) return usernamePasswordAuthenticator(credentials.user, credentials.password);
  if ('token' in credentials) return tokenAuthenticator(credentials.token);
  return nkeyAuthenticator(new TextEncoder().encode(credentials.nkeySeed));
}

/** What kind of credentials these are, for a log line: the user name at most, never a secret. */
export function describeCredentials(credentials: NatsCredentials | undefined): string {
  if (!credentials) return 'no credentials';
  if ('password' in credentials) return `user ${JSON.stringify(credentials.user.slice(0, 64))} with a password`;
  if ('token' in credentials) return 'a token';
  return 'an nkey';
}

/** The secret strings of `credentials`, to scrub from any text that may be shown. */
export function secretsOf(credentials: NatsCredentials | undefined): string[] {
  if (!credentials) return [];
  if ('password' in credentials) return [credentials.password];
  if ('token' in credentials) return [credentials.token];
  return [credentials.nkeySeed];
}

/** `text` with every secret replaced by ***. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((t, secret) => t.split(secret).join('***'), text);
}

/** A server URL fit for a log line: any user, password or token written into it is masked. */
export function redactUrl(url: string): string {
  return url.replace(SCHEME_AND_USERINFO, '$1***@');
}

/** `text` (a command line, say) with the user, password or token of every URL in it masked. */
export function redactUrlsIn(text: string): string {
  return text.replace(USERINFO_ANYWHERE, '$1***@');
}
