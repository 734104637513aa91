/** The branded template: the standard page plus a title bar; its own params only add that chrome. */
import '../../src/main.js';
import { parseBrandParams } from './brand-params.js';
import './rec-brand-bar.js';

const { brand, warnings } = parseBrandParams(window.location.search);
for (const warning of warnings) console.warn(`Recording template: ${warning.message}`);
const app = document.querySelector('rec-app');
const bar = document.querySelector('rec-brand-bar');
if (brand.brandColor) app?.style.setProperty('--rec-brand', brand.brandColor);
if (bar) {
  bar.heading = brand.title;
  bar.logoUrl = brand.logoUrl;
}
