import { expect } from 'chai';
import { CHAT_MESSAGE_FIELDS, type ChatMessage } from '../../src/contract/chat-message.js';
import type { ChatTopicAgent, ChatTopicEntity } from '../../src/contract/generated.js';
import type { NewChatMessage } from '../../src/store/chat-store.js';
import { InMemoryChatStore } from '../../src/store/memory-store.js';
import { newRecord } from '../../src/store/records.js';

const WHEN = { epochSeconds: 1_616_708_213, ticks: 0 };

function newMessage(chatSessionId: number, text: string): NewChatMessage {
  return {
    ChatSessionId: chatSessionId,
    Type: 'ToUser',
    Message: text,
    Author: 'Ann',
    ReadByCustomer: 0,
    SpecialType: 'None',
    SpecialParam: null,
    WhenPosted: WHEN,
  };
}

function stored(id: number, chatSessionId: number, text: string): ChatMessage {
  return { ChatMessageId: id, ...newMessage(chatSessionId, text) };
}

const ids = (messages: readonly ChatMessage[]): number[] => messages.map((m) => m.ChatMessageId);

describe('InMemoryChatStore', () => {
  describe('addMessage', () => {
    it('assigns ids from 1 per tenant, increasing across sessions', () => {
      const store = new InMemoryChatStore();
      expect(store.addMessage('t', newMessage(1, 'a')).ChatMessageId).to.equal(1);
      expect(store.addMessage('t', newMessage(2, 'b')).ChatMessageId).to.equal(2);
      expect(store.addMessage('t', newMessage(1, 'c')).ChatMessageId).to.equal(3);
    });

    it('returns the message as stored, with the assigned id, its fields in contract order, and keeps a copy of its own', () => {
      const store = new InMemoryChatStore();
      const given = newMessage(4, 'hello');
      const added = store.addMessage('t', given);
      expect(added).to.deep.equal(stored(1, 4, 'hello'));
      expect(Object.keys(added)).to.deep.equal(CHAT_MESSAGE_FIELDS);
      given.Message = 'changed by the caller';
      expect(store.messagesAfter('t', 4, 0)[0]?.Message).to.equal('hello');
    });

    it('numbers each tenant independently', () => {
      const store = new InMemoryChatStore();
      store.addMessage('A', newMessage(1, 'a1'));
      store.addMessage('A', newMessage(1, 'a2'));
      expect(store.addMessage('B', newMessage(1, 'b1')).ChatMessageId).to.equal(1);
      expect(store.addMessage('A', newMessage(1, 'a3')).ChatMessageId).to.equal(3);
    });

    it('keeps tenants’ messages apart, even in sessions with the same id', () => {
      const store = new InMemoryChatStore();
      store.addMessage('A', newMessage(1, 'from A'));
      store.addMessage('B', newMessage(1, 'from B'));
      expect(store.messagesAfter('A', 1, 0)).to.deep.equal([stored(1, 1, 'from A')]);
      expect(store.messagesAfter('B', 1, 0)).to.deep.equal([stored(1, 1, 'from B')]);
    });

    it('creates the session', () => {
      const store = new InMemoryChatStore();
      store.addMessage('t', newMessage(9, 'x'));
      expect(store.hasSession('t', 9)).to.equal(true);
      expect(store.hasSession('other', 9)).to.equal(false);
    });

    it('stores a copy: changing the input afterwards does not change the store', () => {
      const store = new InMemoryChatStore();
      const input = newMessage(1, 'original');
      store.addMessage('t', input);
      input.Message = 'changed';
      input.ChatSessionId = 2;
      expect(store.messagesAfter('t', 1, 0)).to.deep.equal([stored(1, 1, 'original')]);
      expect(store.messagesAfter('t', 2, 0)).to.deep.equal([]);
    });
  });

  describe('messagesAfter', () => {
    // Session 1 holds ids 2, 4, 6; session 2 holds 1, 3, 5.
    function interleaved(): InMemoryChatStore {
      const store = new InMemoryChatStore();
      for (let i = 1; i <= 6; i++) store.addMessage('t', newMessage(i % 2 === 0 ? 1 : 2, `m${i}`));
      return store;
    }

    it('returns the whole session, ascending, for an after below every id', () => {
      const store = interleaved();
      expect(ids(store.messagesAfter('t', 1, 0))).to.deep.equal([2, 4, 6]);
      expect(ids(store.messagesAfter('t', 1, 1))).to.deep.equal([2, 4, 6]);
    });

    it('excludes the message whose id equals after', () => {
      expect(ids(interleaved().messagesAfter('t', 1, 2))).to.deep.equal([4, 6]);
      expect(ids(interleaved().messagesAfter('t', 1, 4))).to.deep.equal([6]);
    });

    it('starts at the next id for an after between existing ids', () => {
      expect(ids(interleaved().messagesAfter('t', 1, 3))).to.deep.equal([4, 6]);
      expect(ids(interleaved().messagesAfter('t', 1, 5))).to.deep.equal([6]);
    });

    it('returns nothing for an after at or above the highest id', () => {
      expect(interleaved().messagesAfter('t', 1, 6)).to.deep.equal([]);
      expect(interleaved().messagesAfter('t', 1, 2147483647)).to.deep.equal([]);
    });

    it('returns the whole session for a negative after', () => {
      expect(ids(interleaved().messagesAfter('t', 1, -1))).to.deep.equal([2, 4, 6]);
      expect(ids(interleaved().messagesAfter('t', 2, -2147483648))).to.deep.equal([1, 3, 5]);
    });

    it('returns only messages of the session asked for', () => {
      const store = interleaved();
      expect(store.messagesAfter('t', 2, 0).map((m) => [m.ChatSessionId, m.Message])).to.deep.equal([
        [2, 'm1'],
        [2, 'm3'],
        [2, 'm5'],
      ]);
    });

    it('returns [] for an unknown session or tenant', () => {
      const store = interleaved();
      expect(store.messagesAfter('t', 3, 0)).to.deep.equal([]);
      expect(store.messagesAfter('nobody', 1, 0)).to.deep.equal([]);
    });

    it('returns [] for a session that exists but has no messages', () => {
      const store = new InMemoryChatStore();
      store.addSession('t', 1);
      expect(store.messagesAfter('t', 1, 0)).to.deep.equal([]);
    });

    it('returns the right slice of a session with 100,000 messages', () => {
      const store = new InMemoryChatStore();
      const count = 100_000;
      store.addMessage('t', newMessage(2, 'other session')); // id 1
      for (let i = 0; i < count; i++) store.addMessage('t', newMessage(1, `m${i}`)); // ids 2 .. 100001
      // Session 1 holds ids 2 .. 100001: after `after`, the slice runs from max(after + 1, 2) to 100001.
      const expectSlice = (after: number) => {
        const first = Math.max(after + 1, 2);
        const slice = store.messagesAfter('t', 1, after);
        expect(slice.length, `after ${after}`).to.equal(Math.max(0, count + 2 - first));
        if (slice.length > 0) {
          expect(slice[0]?.ChatMessageId, `after ${after}`).to.equal(first);
          expect(slice[slice.length - 1]?.ChatMessageId, `after ${after}`).to.equal(count + 1);
        }
      };
      for (const after of [-5, 0, 1, 2, 50_000, 99_999, 100_000, 100_001, 2_000_000]) expectSlice(after);
      expect(store.messagesAfter('t', 1, 100_000).length).to.equal(1);
      expect(store.messagesAfter('t', 1, 100_001)).to.deep.equal([]);
      const middle = store.messagesAfter('t', 1, 77_776);
      expect(middle[0]).to.deep.equal(stored(77_777, 1, 'm77775'));
      const ascending = ids(store.messagesAfter('t', 1, 0)).every((id, i, all) => i === 0 || id === (all[i - 1] as number) + 1);
      expect(ascending).to.equal(true);
    });
  });

  describe('restoreMessage', () => {
    it('keeps id order when ids arrive out of order, each message a copy in contract order', () => {
      const store = new InMemoryChatStore();
      const given = { ...newMessage(1, 'm7'), ChatMessageId: 7 };
      store.restoreMessage('t', given);
      given.Message = 'changed by the caller';
      expect(store.messagesAfter('t', 1, 0)).to.deep.equal([stored(7, 1, 'm7')]);
      expect(Object.keys(store.messagesAfter('t', 1, 0)[0] ?? {})).to.deep.equal(CHAT_MESSAGE_FIELDS);
      for (const id of [3, 10, 5]) store.restoreMessage('t', stored(id, 1, `m${id}`));
      expect(ids(store.messagesAfter('t', 1, 0))).to.deep.equal([3, 5, 7, 10]);
      expect(ids(store.messagesAfter('t', 1, 5))).to.deep.equal([7, 10]);
    });

    it('moves the next id past the highest restored id', () => {
      const store = new InMemoryChatStore();
      store.restoreMessage('t', stored(10, 1, 'ten'));
      store.restoreMessage('t', stored(4, 2, 'four'));
      expect(store.addMessage('t', newMessage(3, 'next')).ChatMessageId).to.equal(11);
    });

    it('never moves the next id backwards', () => {
      const store = new InMemoryChatStore();
      store.restoreMessage('t', stored(5, 1, 'newer'));
      store.restoreMessage('t', stored(2, 2, 'older'));
      expect(store.addMessage('t', newMessage(1, 'd')).ChatMessageId).to.equal(6);
    });

    it('does not move another tenant’s next id', () => {
      const store = new InMemoryChatStore();
      store.restoreMessage('A', stored(50, 1, 'x'));
      expect(store.addMessage('B', newMessage(1, 'y')).ChatMessageId).to.equal(1);
    });

    it('throws on a duplicate id in the session and keeps the first message', () => {
      const store = new InMemoryChatStore();
      store.restoreMessage('t', stored(3, 1, 'first'));
      expect(() => store.restoreMessage('t', stored(3, 1, 'second'))).to.throw(
        Error,
        "Tenant 't' already has a message with ChatMessageId 3.",
      );
      expect(store.messagesAfter('t', 1, 0)).to.deep.equal([stored(3, 1, 'first')]);
    });

    it('throws on an id another session of the tenant already holds', () => {
      const store = new InMemoryChatStore();
      store.restoreMessage('t', stored(3, 1, 'first'));
      expect(() => store.restoreMessage('t', stored(3, 2, 'second'))).to.throw(Error, "Tenant 't' already has a message with ChatMessageId 3.");
      expect(store.messagesAfter('t', 2, 0)).to.deep.equal([]);
    });

    it('stores a copy of the message', () => {
      const store = new InMemoryChatStore();
      const message = stored(2, 1, 'original');
      store.restoreMessage('t', message);
      message.Message = 'changed';
      expect(store.messagesAfter('t', 1, 0)[0]?.Message).to.equal('original');
    });
  });

  describe('addSession and hasSession', () => {
    it('knows a session once added, in that tenant only', () => {
      const store = new InMemoryChatStore();
      expect(store.hasSession('t', 1)).to.equal(false);
      store.addSession('t', 1);
      expect(store.hasSession('t', 1)).to.equal(true);
      expect(store.hasSession('t', 2)).to.equal(false);
      expect(store.hasSession('u', 1)).to.equal(false);
    });

    it('keeps the messages of a session added again', () => {
      const store = new InMemoryChatStore();
      store.addMessage('t', newMessage(1, 'a'));
      store.addSession('t', 1);
      expect(ids(store.messagesAfter('t', 1, 0))).to.deep.equal([1]);
    });
  });

  describe('records: put, get, list and remove', () => {
    const topic = (id: number, name: string) => ({ ...newRecord('topics', { ChatTopicId: id, Name: name }) }) as unknown as ChatTopicEntity;

    it('keeps a record under its key, in its tenant only, the last put in place of the first', () => {
      const store = new InMemoryChatStore();
      store.put('t', 'topics', topic(3, 'Sales'));
      store.put('t', 'topics', topic(4, 'Support'));
      store.put('t', 'topics', topic(3, 'Sales and offers'));
      expect(store.get('t', 'topics', 3)?.Name).to.equal('Sales and offers');
      expect(store.get('u', 'topics', 3)).to.equal(undefined);
      expect(store.list('t', 'topics').map((record) => [record.ChatTopicId, record.Name])).to.deep.equal([
        [3, 'Sales and offers'],
        [4, 'Support'],
      ]);
      expect(store.list('t', 'sessions')).to.deep.equal([]);
    });

    it('removes a record by its key, and says whether there was one', () => {
      const store = new InMemoryChatStore();
      store.put('t', 'topics', topic(3, 'Sales'));
      expect(store.remove('t', 'topics', 3)).to.equal(true);
      expect(store.remove('t', 'topics', 3)).to.equal(false);
      expect(store.remove('u', 'topics', 3)).to.equal(false);
      expect(store.get('t', 'topics', 3)).to.equal(undefined);
    });

    it('keys a topic agent by its topic and its associate', () => {
      const store = new InMemoryChatStore();
      const agent = (topicId: number, associateId: number, canRespond: boolean) =>
        ({ ...newRecord('topicAgents', { TopicId: topicId, User: newRecord('associates', { AssociateId: associateId }), CanRespond: canRespond }) }) as unknown as ChatTopicAgent;
      store.put('t', 'topicAgents', agent(1, 5, false));
      store.put('t', 'topicAgents', agent(1, 6, false));
      store.put('t', 'topicAgents', agent(1, 5, true));
      expect(store.list('t', 'topicAgents').map((record) => [record.TopicId, record.User?.AssociateId, record.CanRespond])).to.deep.equal([
        [1, 5, true],
        [1, 6, false],
      ]);
      expect(store.get('t', 'topicAgents', '1/6')?.User?.AssociateId).to.equal(6);
    });

    it('makes a session record of a session added, or first written to, with its other fields at their defaults', () => {
      const store = new InMemoryChatStore();
      store.addSession('t', 1);
      store.addMessage('t', newMessage(2, 'a'));
      expect(store.list('t', 'sessions').map((session) => [session.ChatSessionId, session.Status, session.CustomerName, session.Flags, session.LastMessage])).to.deep.equal([
        [1, 'Invalid', null, [], null],
        [2, 'CustomerLast', null, [], 'a'],
      ]);
      expect(store.hasSession('t', 2)).to.equal(true);
    });
  });

  describe('clear', () => {
    it('forgets sessions, messages and id counters', () => {
      const store = new InMemoryChatStore();
      store.addSession('t', 5);
      store.addMessage('t', newMessage(1, 'a'));
      store.addMessage('u', newMessage(1, 'b'));
      store.clear();
      expect(store.hasSession('t', 5)).to.equal(false);
      expect(store.hasSession('t', 1)).to.equal(false);
      expect(store.messagesAfter('t', 1, 0)).to.deep.equal([]);
      expect(store.messagesAfter('u', 1, 0)).to.deep.equal([]);
      expect(store.addMessage('t', newMessage(1, 'again')).ChatMessageId).to.equal(1);
    });
  });
});
