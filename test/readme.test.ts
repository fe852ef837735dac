import { readFileSync } from 'node:fs';
import { expect } from 'chai';

/** The README shows code that the tests run; these keep the two the same. */
describe('README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  it('shows the mocha example exactly as test/examples/chat-integration.test.ts runs it', () => {
    const example = readFileSync(new URL('../../test/examples/chat-integration.test.ts', import.meta.url), 'utf8');
    expect(readme).to.include(`\`\`\`ts\n${example}\`\`\``);
  });

  it('shows the bridge example exactly as test/examples/acquire-bridge.test.ts runs it', () => {
    const example = readFileSync(new URL('../../test/examples/acquire-bridge.test.ts', import.meta.url), 'utf8');
    expect(readme).to.include(`\`\`\`ts\n${example}\`\`\``);
  });
});
