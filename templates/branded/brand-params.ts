/**
 * The branded template's own URL parameters: a title and a brand colour, each validated. The logo is
 * the page's own `logoUrl` graphic (see src/config/feature-params.ts), drawn in the title bar.
 */
import * as z from 'zod/mini';
import { type OptionWarning, optionWarning } from '../../src/config/options.js';
import { isCssColor } from '../../src/config/safe-values.js';

export const MAX_TITLE_LENGTH = 120;

/** Each parameter's schema and the values it accepts, as a user would read them. */
export const BrandParamSchemas = {
  title: {
    schema: z.string().check(z.minLength(1), z.maxLength(MAX_TITLE_LENGTH)),
    accepted: `text of 1 to ${MAX_TITLE_LENGTH} characters`,
  },
  brandColor: {
    schema: z.string().check(z.refine(isCssColor)),
    accepted: 'a CSS colour such as #ff7a00, rgb(255 122 0) or orange',
  },
} as const;

/** The branding in force; absent values keep the theme's look. */
export interface BrandParams {
  readonly title?: string;
  readonly brandColor?: string;
}

/** Reads the branding from a query; each bad value is left out with a warning naming it. */
export function parseBrandParams(search: string | URLSearchParams): { brand: BrandParams; warnings: OptionWarning[] } {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const brand: { -readonly [K in keyof BrandParams]: BrandParams[K] } = {};
  const warnings: OptionWarning[] = [];
  for (const name of Object.keys(BrandParamSchemas) as (keyof BrandParams)[]) {
    const raw = query.get(name)?.trim();
    if (raw === undefined || raw === '') continue;
    const result = BrandParamSchemas[name].schema.safeParse(raw);
    if (result.success) brand[name] = result.data;
    else warnings.push(optionWarning(name, raw, BrandParamSchemas[name].accepted));
  }
  return { brand, warnings };
}
