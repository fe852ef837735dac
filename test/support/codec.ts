import { expect } from 'chai';
import { InvalidValueError, type ValueCodec } from '../../src/contract/codec.js';
import { READ_CONTEXT } from './context.js';

/** The InvalidValueError reason `codec` gives for `text`; fails the test if the text is accepted. */
export function reasonFor<T>(codec: ValueCodec<T>, text: string): string {
  try {
    codec.parse(text, READ_CONTEXT);
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidValueError);
    return (error as InvalidValueError).reason;
  }
  expect.fail(`${codec.typeName} accepted ${JSON.stringify(text)}`);
}
