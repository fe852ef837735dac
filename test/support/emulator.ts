import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/index.js';

/** Lines the emulator logged (unexpected errors): a test that expects none can check. */
export const logged: string[] = [];

/** Starts an emulator for the enclosing mocha suite and stops it afterwards. */
export function useEmulator(options: EmulatorOptions = {}): { readonly current: RunningEmulator } {
  const holder: { current: RunningEmulator | undefined } = { current: undefined };
  before(async () => {
    holder.current = await startEmulator({ log: (line) => logged.push(line), ...options });
  });
  after(async () => {
    await holder.current?.stop();
  });
  return {
    get current(): RunningEmulator {
      if (holder.current === undefined) throw new Error('The emulator has not started yet.');
      return holder.current;
    },
  };
}
