import { instantFromEpochMilliseconds, type Instant } from './contract/datetime.js';

/** Where the emulator reads the time (to stamp WhenPosted); replaceable so that tests control it. */
export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = {
  now: () => instantFromEpochMilliseconds(Date.now()),
};
