import type { ReadContext } from '../../src/contract/codec.js';

/** A clock stopped at 2021-03-25T12:00:00Z: where an xs:dateTime of a time, a day or a month alone falls. */
export const READ_CONTEXT: ReadContext = { now: () => ({ epochSeconds: 1_616_673_600, ticks: 0 }) };
