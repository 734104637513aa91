/** The live graphics and captions elements, one chunk the app loads when the first of them is needed. */
import './rec-backdrop.js';
import './rec-captions.js';
import './rec-graphics.js';
