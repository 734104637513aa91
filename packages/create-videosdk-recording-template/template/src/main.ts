// The recording page (the recorder with a token; the simulated meeting and the designer panel without),
// then this template's own chrome.
import 'videosdk-recording-template/page';
import './my-title-bar.js';
