/**
 * The URL parameters of the recording's features: captions, chat toasts, who is hidden, the layout
 * while someone shares, and the starting graphics (banner, logo, background). Small on purpose:
 * it only reads the URL; the code that draws any of it loads when one is used.
 */
import { BANNER_POSITIONS, type Graphics, LOGO_CORNERS, TEXT_LIMITS } from './graphics-topics.js';
import { type LayoutType, type OptionWarning, OptionSchemas, optionWarning } from './options.js';
import { displayText, isCssColor, isSafeImageUrl } from './safe-values.js';

/** At most this many ids in `hide`. */
export const MAX_HIDDEN_IDS = 100;

/** Starting graphics: what the frame shows before any live message changes it. */
export type StartingGraphics = Partial<Pick<Graphics, 'banner' | 'logo' | 'background'>>;

/** The features the URL turns on. */
export interface FeatureParams {
  /** Burned-in captions of VideoSDK's real-time transcription. */
  readonly captions: boolean;
  /** Messages on the `CHAT` topic as toasts with the sender's name. */
  readonly chat: boolean;
  /** Participants never shown (they are still heard). */
  readonly hide: readonly string[];
  /** The layout while someone shares; absent: the current layout. */
  readonly shareLayout?: LayoutType;
  readonly graphics: StartingGraphics;
}

/** No features: what a URL without any of these parameters gives. */
export const NO_FEATURES: FeatureParams = Object.freeze({ captions: false, chat: false, hide: [], graphics: {} });

/** The feature parameters' names, in the order a URL writes them. */
export const FEATURE_PARAM_NAMES = ['captions', 'chat', 'hide', 'shareLayout', 'banner', 'logoUrl', 'background'] as const;

const FLAG_ACCEPTED = '1, 0, true, false';

/** Reads the features from a query; each bad value is left out with a warning naming it. */
export function parseFeatureParams(query: URLSearchParams): { features: FeatureParams; warnings: OptionWarning[] } {
  const warnings: OptionWarning[] = [];
  const flag = (name: 'captions' | 'chat'): boolean => {
    const raw = query.get(name);
    if (raw === null) return false;
    const value = raw.trim().toLowerCase();
    if (value === '1' || value === 'true') return true;
    if (value !== '0' && value !== 'false') warnings.push(optionWarning(name, raw, FLAG_ACCEPTED, 'false'));
    return false;
  };
  const hide = [...new Set((query.get('hide') ?? '').split(',').map((id) => id.trim()).filter((id) => id.length > 0))];
  if (hide.length > MAX_HIDDEN_IDS) {
    warnings.push(optionWarning('hide', `${hide.length} ids`, `at most ${MAX_HIDDEN_IDS} participant ids`, `the first ${MAX_HIDDEN_IDS}`));
  }
  const features: { -readonly [K in keyof FeatureParams]: FeatureParams[K] } = {
    captions: flag('captions'),
    chat: flag('chat'),
    hide: hide.slice(0, MAX_HIDDEN_IDS),
    graphics: startingGraphics(query, warnings),
  };
  const shareLayout = query.get('shareLayout');
  if (shareLayout !== null && shareLayout.trim() !== '') {
    const parsed = OptionSchemas.layoutType.safeParse(shareLayout);
    if (parsed.success) features.shareLayout = parsed.data;
    else warnings.push(optionWarning('shareLayout', shareLayout, 'GRID, SPOTLIGHT, SIDEBAR', 'the current layout'));
  }
  return { features, warnings };
}

function startingGraphics(query: URLSearchParams, warnings: OptionWarning[]): StartingGraphics {
  const graphics: { -readonly [K in keyof StartingGraphics]: StartingGraphics[K] } = {};
  const banner = query.get('banner');
  if (banner !== null && banner.trim() !== '') graphics.banner = { text: displayText(banner, TEXT_LIMITS.banner), position: BANNER_POSITIONS[0] };
  const logo = query.get('logoUrl')?.trim();
  if (logo) {
    if (isSafeImageUrl(logo)) graphics.logo = { url: logo, corner: LOGO_CORNERS[0] };
    else warnings.push(optionWarning('logoUrl', logo, 'an https:// image address or a data:image/… URL'));
  }
  const background = query.get('background')?.trim();
  if (background) {
    if (isCssColor(background)) graphics.background = { color: background };
    else if (isSafeImageUrl(background)) graphics.background = { imageUrl: background };
    else warnings.push(optionWarning('background', background, 'a CSS colour (#0b1d3a, navy) or an https:// image address'));
  }
  return graphics;
}

/** Whether any starting graphic is set (the graphics code then loads at once). */
export function hasStartingGraphics(graphics: StartingGraphics): boolean {
  return graphics.banner !== undefined || graphics.logo !== undefined || graphics.background !== undefined;
}

/** The query parameters for the non-graphic features, leaving out those that are off (the preview writes them to its URL). */
export function featureFlagsToQuery(features: Pick<FeatureParams, 'captions' | 'chat' | 'hide' | 'shareLayout'>): URLSearchParams {
  const query = new URLSearchParams();
  if (features.captions) query.set('captions', '1');
  if (features.chat) query.set('chat', '1');
  if (features.hide.length > 0) query.set('hide', features.hide.join(','));
  if (features.shareLayout !== undefined) query.set('shareLayout', features.shareLayout);
  return query;
}
