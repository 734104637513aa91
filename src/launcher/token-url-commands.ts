/**
 * `token` and `url`: sign a VideoSDK token, or build the templateUrl VideoSDK will open; neither
 * calls the API.
 */
import type { CommandSpec } from './command-spec.js';
import { EXIT } from './errors.js';
import { booleanFlag, choiceFlag, identifierFlag, stringFlag } from './flags.js';
import { readCredentials } from './settings.js';
import { LAYOUT_FLAG_HELP, LAYOUT_OPTIONS, overrideNotes, templateUrlFromFlags } from './template-url-flags.js';
import { formatDuration, mintToken, parseTtl, ROLES } from './token.js';

function expiry(claims: { exp: number }): string {
  return new Date(claims.exp * 1000).toISOString();
}

/** The token command. */
export const tokenCommand: CommandSpec = {
  name: 'token',
  summary: 'print a signed VideoSDK token (JWT, HS256)',
  usage: 'videosdk-record token [--room ID] [--ttl 1h] [--role rtc|crawler] [--show-token]',
  flags: [
    '--room ID             bind the token to one room',
    '--ttl DURATION        lifetime such as 90s, 15m, 2h, 7d (default 1h, at most 30d)',
    '--role rtc|crawler    rtc = join only, crawler = REST API only (default: no roles)',
    '--show-token          print the token itself; without it the token is redacted',
  ],
  examples: ['videosdk-record token --room abcd-efgh-ijkl --ttl 2h --role rtc --show-token'],
  options: { room: { type: 'string' }, ttl: { type: 'string' }, role: { type: 'string' } },
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', false);
    const ttlSeconds = parseTtl(stringFlag(context.values, 'ttl') ?? '1h');
    const role = choiceFlag(context.values, 'role', ROLES);
    const credentials = readCredentials(context.env);
    context.out.redactor.addSecret(credentials.secret);
    const { token, claims } = await mintToken(credentials, { ttlSeconds, roomId, roles: role ? [role] : undefined });
    context.out.redactor.addToken(token);
    if (context.out.json) {
      context.out.data({ token, claims, expiresAt: expiry(claims) });
      return EXIT.ok;
    }
    context.out.line(token);
    const scope = [
      `permissions ${claims.permissions.join(',')}`,
      roomId ? `room ${roomId}` : 'any room',
      role ? `role ${role}` : undefined,
    ].filter(Boolean);
    context.out.note(`token valid for ${formatDuration(ttlSeconds)} (until ${expiry(claims)}), ${scope.join(', ')}`);
    if (!booleanFlag(context.values, 'show-token')) context.out.note('the token is redacted; pass --show-token to print it');
    return EXIT.ok;
  },
};

/** The url command. */
export const urlCommand: CommandSpec = {
  name: 'url',
  summary: 'print the templateUrl VideoSDK will open (join token + layout options)',
  usage: 'videosdk-record url --room ID --template-url BASE [layout options] [--ttl 24h] [--show-token]',
  flags: [
    '--room ID                 the meeting to record (required)',
    '--template-url BASE       https address of the hosted template page (required)',
    ...LAYOUT_FLAG_HELP,
    '--ttl DURATION            lifetime of the join token in the URL (default 24h, at least 10m)',
    '--allow-insecure-template permit http and local addresses (testing only; VideoSDK refuses them)',
    '--show-token              print the token in the URL; without it the token is redacted',
  ],
  examples: ['videosdk-record url --room abcd-efgh-ijkl --template-url https://rec.example.com/ --layout SPOTLIGHT --theme DARK --show-token'],
  options: {
    room: { type: 'string' },
    'template-url': { type: 'string' },
    ttl: { type: 'string' },
    'allow-insecure-template': { type: 'boolean' },
    ...LAYOUT_OPTIONS,
  },
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', true);
    const { templateUrl, join, options, overrides } = await templateUrlFromFlags(context, roomId);
    if (context.out.json) {
      context.out.data({ templateUrl, roomId, tokenExpiresAt: expiry(join.claims), options, overrides });
      return EXIT.ok;
    }
    context.out.line(templateUrl);
    for (const note of overrideNotes(overrides)) context.out.note(note);
    context.out.note(`join token bound to room ${roomId}, valid until ${expiry(join.claims)}`);
    if (!booleanFlag(context.values, 'show-token')) context.out.note('the token is redacted; pass --show-token to print the usable URL');
    return EXIT.ok;
  },
};
