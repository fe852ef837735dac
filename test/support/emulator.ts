import { expect } from 'chai';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/index.js';

/**
 * Starts an emulator for the enclosing mocha suite and stops it afterwards. Unless the suite passes
 * its own `log`, the suite fails if the emulator logged anything: that is an unexpected error.
 */
export function useEmulator(options: EmulatorOptions = {}): { readonly current: RunningEmulator } {
  const holder: { current: RunningEmulator | undefined } = { current: undefined };
  const logged: string[] = [];
  before(async () => {
    holder.current = await startEmulator({ log: (line) => logged.push(line), ...options });
  });
  after(async () => {
    await holder.current?.stop();
    expect(logged, 'unexpected errors the emulator logged').to.deep.equal([]);
  });
  return {
    get current(): RunningEmulator {
      if (holder.current === undefined) throw new Error('The emulator has not started yet.');
      return holder.current;
    },
  };
}
