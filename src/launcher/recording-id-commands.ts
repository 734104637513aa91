/**
 * `recording get ID` and `recording delete ID --yes`: one recording by its id. Deleting removes the
 * file for good, so it is refused without --yes.
 */
import { ENDPOINTS } from '../server/rest-bodies.js';
import { type CommandSpec, videoSdk } from './command-spec.js';
import { DRY_RUN_HELP, DRY_RUN_OPTION, dryRun } from './dry-run.js';
import { EXIT, usageError } from './errors.js';
import { booleanFlag } from './flags.js';
import { recordingLine, summariseRecording } from './list-format.js';

const ID = /^[A-Za-z0-9_-]{1,256}$/;

function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

/** The recording command. */
export const recordingCommand: CommandSpec = {
  name: 'recording',
  summary: 'show or delete one recording by its id (GET/DELETE /v2/recordings/{id})',
  usage: 'videosdk-record recording get ID | recording delete ID --yes [--dry-run]',
  flags: [
    'get ID                    print the recording: date, session, size, duration, file URL',
    'delete ID                 delete it and its file for good (needs --yes)',
    '--yes                     confirm the deletion',
    DRY_RUN_HELP,
    'IDs are the `id` of each recording in `list --json`.',
  ],
  examples: ['videosdk-record recording get 64b0c1f2a9e8d7c6b5a43210 --json', 'videosdk-record recording delete 64b0c1f2a9e8d7c6b5a43210 --yes'],
  options: { yes: { type: 'boolean' }, ...DRY_RUN_OPTION },
  positionals: ['get|delete', 'ID'],
  checkWith: 'check with `recording get ID` before trying again',
  async run(context) {
    const { out, values } = context;
    const [action, id] = context.positionals;
    if (action !== 'get' && action !== 'delete') {
      throw usageError(`recording needs get or delete${action ? `, not ${shown(action)}` : ''}; accepted: get, delete`);
    }
    if (id === undefined) throw usageError(`recording ${action} needs the recording's id (see \`list --json\`)`);
    if (!ID.test(id)) throw usageError(`the recording id ${shown(id)} is not valid; accepted: letters, digits, - and _`);
    if (action === 'get') {
      if (values.yes !== undefined || values['dry-run'] !== undefined) throw usageError('--yes and --dry-run apply to recording delete only');
      const recording = summariseRecording(await videoSdk(context).recordings.get({ id }));
      if (out.json) out.data({ recording });
      else out.line(recordingLine(recording));
      return EXIT.ok;
    }
    if (!booleanFlag(values, 'yes') && !booleanFlag(values, 'dry-run')) {
      throw usageError(`recording delete removes recording ${id} and its file for good: pass --yes to confirm`);
    }
    if (dryRun(context, 'DELETE', `${ENDPOINTS.recording}${id}`, undefined)) return EXIT.ok;
    const { message } = await videoSdk(context).recordings.delete({ id });
    if (out.json) out.data({ ok: true, id, message });
    else out.line(`Recording ${id} deleted: ${message}`);
    return EXIT.ok;
  },
};
