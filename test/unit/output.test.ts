import { expect } from '@open-wc/testing';
import { LAYOUT_TOPICS, parseOutput } from '../../src/config/output.js';

describe('parseOutput', () => {
  it('reads each output trimmed and in any case, defaulting to recording', () => {
    expect(parseOutput(null)).to.deep.equal({ output: 'recording' });
    expect(parseOutput(' HLS ')).to.deep.equal({ output: 'hls' });
    expect(parseOutput('LiveStream')).to.deep.equal({ output: 'livestream' });
  });

  it('falls back to recording with a warning naming the parameter and the accepted values', () => {
    const { output, warning } = parseOutput('rtmp');
    expect(output).to.equal('recording');
    expect(warning?.message).to.contain('output');
    expect(warning?.message).to.contain('recording, hls, livestream');
  });

  it('maps each output to the topic VideoSDK\'s prebuilt recorder follows for it', () => {
    expect(LAYOUT_TOPICS).to.deep.equal({ recording: 'RECORDING_LAYOUT', hls: 'HLS_LAYOUT', livestream: 'LIVE_STREAM_LAYOUT' });
  });
});
