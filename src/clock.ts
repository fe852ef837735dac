import { epochMillisecondsOf, instantFromEpochMilliseconds, type Instant } from './contract/datetime.js';

/** Where the emulator reads the time (to stamp WhenPosted, to expire tickets); replaceable so that tests control it. */
export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = {
  now: () => instantFromEpochMilliseconds(Date.now()),
};

/** The time to record a request under: the clock's, or the system's if that clock fails (the failure is answered elsewhere). */
export function arrivalTime(clock: Clock): Instant {
  try {
    return clock.now();
  } catch {
    return systemClock.now();
  }
}

/** What the admin API and setClock() can make of the time: stopped at an instant, or the base clock moved by an offset. */
export type ClockSetting = { readonly now: Instant } | { readonly offsetMs: number };

/**
 * The emulator's clock: its base clock (the system's, or the one given to startEmulator), unless a test has
 * stopped it at an instant or moved it by an offset.
 */
export class AdjustableClock implements Clock {
  private setting: ClockSetting | null = null;

  constructor(private readonly base: Clock) {}

  now(): Instant {
    if (this.setting === null) return this.base.now();
    if ('now' in this.setting) return this.setting.now;
    return instantFromEpochMilliseconds(epochMillisecondsOf(this.base.now()) + this.setting.offsetMs);
  }

  /** Stops the clock at an instant, moves it by an offset, or (null) gives it back to the base clock. */
  set(setting: ClockSetting | null): void {
    this.setting = setting;
  }

  describe(): { mode: 'base' | 'fixed' | 'offset'; offsetMs?: number } {
    if (this.setting === null) return { mode: 'base' };
    return 'now' in this.setting ? { mode: 'fixed' } : { mode: 'offset', offsetMs: this.setting.offsetMs };
  }
}
