import { expect } from 'chai';
import { TurnBatch } from '../../src/transport/turn-batch.js';

/** Resolves after the immediates queued so far have run: one turn of the event loop. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('TurnBatch', () => {
  it('handles what was added during a turn once the turn is over, in the order it was added', async () => {
    const handled: string[] = [];
    const batch = new TurnBatch<string>((item) => handled.push(item));
    batch.add('a');
    batch.add('b');
    batch.add('c');
    expect(handled).to.deep.equal([]);
    await nextTurn();
    expect(handled).to.deep.equal(['a', 'b', 'c']);
  });

  it('leaves what is added while a batch is handled to the next turn', async () => {
    const handled: string[] = [];
    const batch = new TurnBatch<string>((item) => {
      handled.push(item);
      if (item === 'first') batch.add('added while handling');
    });
    batch.add('first');
    await nextTurn();
    expect(handled).to.deep.equal(['first']);
    await nextTurn();
    expect(handled).to.deep.equal(['first', 'added while handling']);
  });

  it('starts a new batch after each one, as often as items come', async () => {
    const handled: number[] = [];
    const batch = new TurnBatch<number>((item) => handled.push(item));
    for (let turn = 0; turn < 3; turn += 1) {
      batch.add(turn);
      await nextTurn();
    }
    expect(handled).to.deep.equal([0, 1, 2]);
  });
});
