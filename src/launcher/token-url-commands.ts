/**
 * `token` and `url`: sign a VideoSDK token, or build the templateUrl VideoSDK will open; neither
 * calls the API.
 */
import { OUTPUTS } from '../server/template-url.js';
import { ROLES } from '../server/token.js';
import { type CommandSpec, videoSdk } from './command-spec.js';
import { EXIT } from './errors.js';
import { booleanFlag, choiceFlag, identifierFlag, stringFlag } from './flags.js';
import { overrideNotes, TEMPLATE_URL_FLAG_HELP, TEMPLATE_URL_OPTIONS, templateUrlFromFlags } from './template-url-flags.js';
import { formatDuration, parseTtl } from './token.js';

/** The token command. */
export const tokenCommand: CommandSpec = {
  name: 'token',
  summary: 'print a signed VideoSDK token (JWT, HS256)',
  usage: 'videosdk-record token [--room ID] [--ttl 1h] [--role rtc|crawler] [--show-token]',
  flags: [
    '--room ID                 bind the token to one room',
    '--ttl DURATION            lifetime such as 90s, 15m, 2h, 7d (default 1h, at most 30d)',
    '--role rtc|crawler        rtc = join only, crawler = REST API only (default: no roles)',
    '--show-token              print the token itself; without it the token is redacted',
  ],
  examples: ['videosdk-record token --room abcd-efgh-ijkl --ttl 2h --role rtc --show-token'],
  options: { room: { type: 'string' }, ttl: { type: 'string' }, role: { type: 'string' } },
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', false);
    const ttlSeconds = parseTtl(stringFlag(context.values, 'ttl') ?? '1h');
    const role = choiceFlag(context.values, 'role', ROLES);
    const { token, claims, expiresAt } = await videoSdk(context, { rest: false }).tokens.mint({ ttlSeconds, ...(roomId ? { roomId } : {}), ...(role ? { roles: [role] } : {}) });
    context.out.redactor.addToken(token);
    if (context.out.json) {
      context.out.data({ token, claims, expiresAt });
      return EXIT.ok;
    }
    context.out.line(token);
    const scope = [
      `permissions ${claims.permissions.join(',')}`,
      roomId ? `room ${roomId}` : 'any room',
      role ? `role ${role}` : undefined,
    ].filter(Boolean);
    context.out.note(`token valid for ${formatDuration(ttlSeconds)} (until ${expiresAt}), ${scope.join(', ')}`);
    if (!booleanFlag(context.values, 'show-token')) context.out.note('the token is redacted; pass --show-token to print it');
    return EXIT.ok;
  },
};

/** The url command. */
export const urlCommand: CommandSpec = {
  name: 'url',
  summary: 'print the templateUrl VideoSDK will open (join token + layout options)',
  usage: 'videosdk-record url --room ID --template-url BASE [layout options] [--output recording|hls|livestream] [--ttl 24h] [--show-token]',
  flags: [
    '--room ID                 the meeting to record (required)',
    ...TEMPLATE_URL_FLAG_HELP,
    '--output KIND             recording, hls or livestream: what VideoSDK films the page for (default recording)',
    '--show-token              print the token in the URL; without it the token is redacted',
  ],
  examples: ['videosdk-record url --room abcd-efgh-ijkl --template-url https://rec.example.com/ --layout SPOTLIGHT --theme DARK --show-token'],
  options: {
    room: { type: 'string' },
    output: { type: 'string' },
    ...TEMPLATE_URL_OPTIONS,
  },
  async run(context) {
    const roomId = identifierFlag(context.values, 'room', true);
    const output = choiceFlag(context.values, 'output', OUTPUTS) ?? 'recording';
    const { templateUrl, expiresAt, options, overrides } = await templateUrlFromFlags(context, roomId, output);
    if (context.out.json) {
      context.out.data({ templateUrl, roomId, output, tokenExpiresAt: expiresAt, options, overrides });
      return EXIT.ok;
    }
    context.out.line(templateUrl);
    for (const note of overrideNotes(overrides)) context.out.note(note);
    context.out.note(`join token bound to room ${roomId}, valid until ${expiresAt}`);
    if (!booleanFlag(context.values, 'show-token')) context.out.note('the token is redacted; pass --show-token to print the usable URL');
    return EXIT.ok;
  },
};
