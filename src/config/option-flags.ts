/**
 * The launcher flag of each layout option, written once: the CLI's parser, its help (defaults
 * included) and the preview's "copy as command" line are all derived from this table.
 */
import {
  DEFAULT_OPTIONS, LAYOUT_PRIORITIES, LAYOUT_TYPES, MAX_GRID_SIZE, MAX_SPEAKER_DWELL_MS, MODES, type OptionName, ORIENTATIONS, QUALITIES, THEMES,
} from './options.js';

/** One layout option as a command-line flag: its name, the values it takes and what it does. */
export interface OptionFlag {
  readonly flag: string;
  readonly option: OptionName;
  readonly values: string;
  readonly help: string;
}

/** Every layout option's flag, in the order the command line shows them. */
export const OPTION_FLAGS: readonly OptionFlag[] = [
  { flag: 'layout', option: 'layoutType', values: LAYOUT_TYPES.join('|'), help: 'layout type' },
  { flag: 'priority', option: 'layoutPriority', values: LAYOUT_PRIORITIES.join('|'), help: 'who gets the main place' },
  { flag: 'grid-size', option: 'layoutGridSize', values: `1-${MAX_GRID_SIZE}`, help: 'tiles on screen' },
  { flag: 'theme', option: 'theme', values: THEMES.join('|'), help: 'colours' },
  { flag: 'mode', option: 'mode', values: MODES.join('|'), help: 'what is filmed' },
  { flag: 'quality', option: 'quality', values: QUALITIES.join('|'), help: "VideoSDK's recording tier" },
  { flag: 'orientation', option: 'orientation', values: ORIENTATIONS.join('|'), help: 'frame orientation' },
  { flag: 'speaker-dwell-ms', option: 'speakerDwellMs', values: `0-${MAX_SPEAKER_DWELL_MS}`, help: 'ms a new speaker must talk before the layout follows' },
];

/** Help lines per flag: `--flag VALUES   what it does (default D)`, the text at `column` (on a line of its own when the flag is longer). */
export function optionFlagHelp(column: number): string[] {
  return OPTION_FLAGS.flatMap(({ flag, option, values, help }) => {
    const name = `--${flag} ${values}`;
    const text = `${help} (default ${String(DEFAULT_OPTIONS[option])})`;
    return name.length < column ? [`${name.padEnd(column)}${text}`] : [name, `${' '.repeat(column)}${text}`];
  });
}
