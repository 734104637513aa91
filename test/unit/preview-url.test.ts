import { expect } from '@open-wc/testing';
import { DEFAULT_OPTIONS } from '../../src/config/options.js';
import { launcherCommand } from '../../src/preview/preview-url.js';

const urlIn = (command: string) => /--template-url (\S+)/.exec(command)?.[1];

describe('launcherCommand', () => {
  it('keeps a public https template address', () => {
    expect(urlIn(launcherCommand(DEFAULT_OPTIONS, 'https://rec.example.com/templates/branded/?title=Hi'))).to.equal(
      "'https://rec.example.com/templates/branded/?title=Hi'",
    );
  });

  it('names the placeholder host, same path and query, for addresses the launcher refuses', () => {
    for (const page of ['http://127.0.0.1:4300/', 'http://localhost:5173/templates/branded/', 'https://192.168.1.20/', 'https://devbox/', 'http://rec.example.com/']) {
      const url = urlIn(launcherCommand(DEFAULT_OPTIONS, page))!;
      expect(url, page).to.match(/^'?https:\/\/your\.host\//);
      expect(url, page).to.contain(new URL(page).pathname);
    }
  });
});
