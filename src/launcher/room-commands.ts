/**
 * `room create`: a room, optionally with a webhook and an auto-started recording or HLS stream filmed
 * with the template. VideoSDK picks the roomId when it creates the room, so an auto-start templateUrl
 * cannot carry meetingId or a room-bound token: the launcher says so every time it builds one.
 */
import type { AutoStartConfig, CreateRoomBody } from '../server/rest-bodies.js';
import { ENDPOINTS } from '../server/rest-bodies.js';
import { WEBHOOK_TYPES } from '../server/webhooks.js';
import { type CommandSpec, videoSdk } from './command-spec.js';
import { DRY_RUN_HELP, DRY_RUN_OPTION, dryRun } from './dry-run.js';
import { EXIT, usageError } from './errors.js';
import { booleanFlag, identifierFlag, stringFlags, urlFlag } from './flags.js';
import { overrideNotes, templateUrlFlagHelp, TEMPLATE_URL_OPTIONS, templateUrlFromFlags } from './template-url-flags.js';

const TEMPLATE_FLAGS = Object.keys(TEMPLATE_URL_OPTIONS);

/** The room command. */
export const roomCommand: CommandSpec = {
  name: 'room',
  summary: 'create a room, optionally auto-recording or auto-streaming it with the template (POST /v2/rooms)',
  usage: 'videosdk-record room create [--custom-room-id ID] [--auto-record] [--auto-hls] [--template-url BASE] [layout options] [--webhook-url URL] [--webhook-event TYPE ...] [--dry-run]',
  flags: [
    'create                    what to do (required)',
    '--custom-room-id ID       your own id for the room',
    '--auto-record             record every session from its start with the template (needs --template-url)',
    '--auto-hls                stream every session as HLS from its start with the template (needs --template-url)',
    ...templateUrlFlagHelp('required with --auto-record or --auto-hls'),
    '--webhook-url URL         where VideoSDK posts this room\'s webhooks',
    '--webhook-event TYPE      with --webhook-url: a webhook type or pattern such as "recording-*"; repeatable',
    '                          (default: every type `watch` understands)',
    DRY_RUN_HELP,
    'Prints the roomId on stdout. An auto-start templateUrl has no meetingId (the room does not exist',
    'yet) and a join token for any room of the key, valid for --ttl: see docs/launcher.md.',
  ],
  examples: ['videosdk-record room create --custom-room-id weekly-sync --webhook-url https://hooks.example.com/videosdk'],
  options: {
    'custom-room-id': { type: 'string' },
    'auto-record': { type: 'boolean' },
    'auto-hls': { type: 'boolean' },
    'webhook-url': { type: 'string' },
    'webhook-event': { type: 'string', multiple: true },
    ...DRY_RUN_OPTION,
    ...TEMPLATE_URL_OPTIONS,
  },
  positionals: ['create'],
  checkWith: 'look for the room in the VideoSDK dashboard before creating another',
  async run(context) {
    const { values, out } = context;
    const action = context.positionals[0];
    if (action !== 'create') throw usageError(`room needs create${action ? `, not ${JSON.stringify(action.slice(0, 40))}` : ''}; accepted: create`);
    const customRoomId = identifierFlag(values, 'custom-room-id', false);
    const autoRecord = booleanFlag(values, 'auto-record');
    const autoHls = booleanFlag(values, 'auto-hls');
    const webhookUrl = urlFlag(values, 'webhook-url', { httpsOnly: false, warn: (m) => out.note(m) });
    const events = stringFlags(values, 'webhook-event').map((event) => event.trim());
    if (events.length > 0 && webhookUrl === undefined) throw usageError('--webhook-event needs --webhook-url');
    if (events.some((event) => event === '' || event.length > 100 || /[\s\u0000-\u001f]/.test(event))) {
      throw usageError('--webhook-event is not valid; accepted: a webhook type such as recording-stopped, or a pattern such as "recording-*"');
    }
    const autoStartConfig: AutoStartConfig = {};
    if (autoRecord || autoHls) {
      if (values['template-url'] === undefined) throw usageError(`--${autoRecord ? 'auto-record' : 'auto-hls'} needs --template-url (the page VideoSDK films)`);
      const outputs = [...(autoRecord ? ['recording' as const] : []), ...(autoHls ? ['hls' as const] : [])];
      for (const [i, output] of outputs.entries()) {
        const template = await templateUrlFromFlags(context, undefined, output);
        // Both templateUrls come from the same flags: one set of notes is enough.
        if (!out.json && i === 0) for (const note of overrideNotes(template.overrides)) out.note(note);
        if (output === 'recording') autoStartConfig.recording = { templateUrl: template.templateUrl, config: template.config };
        else autoStartConfig.hls = { templateUrl: template.templateUrl, config: template.config };
      }
      out.note(
        `warning: the room id is not known before VideoSDK creates the room, so the auto-start templateUrl has no meetingId and its join token is not bound to a room (valid until --ttl runs out); the page joins only if VideoSDK adds meetingId when it auto-starts, which it does not document: see docs/launcher.md`,
      );
    } else {
      const stray = TEMPLATE_FLAGS.find((flag) => values[flag] !== undefined);
      if (stray) throw usageError(`--${stray} applies only with --auto-record or --auto-hls`);
    }
    const body: CreateRoomBody = {
      ...(customRoomId ? { customRoomId } : {}),
      ...(webhookUrl ? { webhook: { endPoint: webhookUrl, events: events.length > 0 ? events : [...WEBHOOK_TYPES] } } : {}),
      ...(autoRecord || autoHls ? { autoStartConfig } : {}),
    };
    if (dryRun(context, 'POST', ENDPOINTS.rooms, body)) return EXIT.ok;
    const room = await videoSdk(context).rooms.create(body);
    if (out.json) out.data({ ok: true, roomId: room.roomId, customRoomId: room.customRoomId ?? null, room, request: body });
    else {
      out.line(room.roomId);
      out.note(`room ${room.roomId} created${room.customRoomId ? ` (custom id ${room.customRoomId})` : ''}`);
    }
    return EXIT.ok;
  },
};
