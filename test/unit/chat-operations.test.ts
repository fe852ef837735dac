import { expect } from 'chai';
import type { Clock } from '../../src/clock.js';
import type { ChatMessage } from '../../src/contract/chat-message.js';
import { DOTNET_MIN_VALUE, type Instant } from '../../src/contract/datetime.js';
import type { RequestHeaders } from '../../src/contract/headers.js';
import type { SoPrincipalCarrier } from '../../src/contract/principal.js';
import { EmulatorError } from '../../src/errors.js';
import type { FidelityWarning } from '../../src/fidelity.js';
import { authorize, type InstallationMode, type Requirement } from '../../src/operations/authorize.js';
import { addChatMessage, getChatMessages } from '../../src/operations/chat.js';
import type { OperationContext } from '../../src/operations/context.js';
import { DIGEST_EACH, InMemoryCredentials } from '../../src/store/credentials.js';
import { InMemoryChatStore } from '../../src/store/memory-store.js';

/** 2024-01-02T03:04:05.678Z, the fixed "now" of these tests. */
const NOW: Instant = { epochSeconds: 1_704_164_645, ticks: 6_780_000 };
const fixedClock: Clock = { now: () => NOW };
const NOW_MS = 1_704_164_645_678;

/** The fidelity warnings the operations gave, since the last test began. */
const warnings: FidelityWarning[] = [];
beforeEach(() => {
  warnings.length = 0;
});

function context(store: InMemoryChatStore, strict = false, tenant = 'Cust1'): OperationContext {
  return { tenant, user: null, store, credentials: new InMemoryCredentials(), clock: fixedClock, strict, ticketTtlMs: 60_000, warn: (warning) => warnings.push(warning), notify: () => undefined };
}

function message(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    ChatMessageId: 0,
    ChatSessionId: 0,
    Type: 'ToUser',
    Message: 'Hello',
    Author: 'Customer',
    ReadByCustomer: 0,
    SpecialType: 'None',
    SpecialParam: null,
    WhenPosted: DOTNET_MIN_VALUE,
    ...overrides,
  };
}

function emulatorError(call: () => unknown): EmulatorError {
  try {
    call();
  } catch (error) {
    expect(error).to.be.instanceOf(EmulatorError);
    return error as EmulatorError;
  }
  expect.fail('no error was thrown');
}

describe('addChatMessage', () => {
  it('stores the message under the wrapper’s ChatSessionId, not the message’s own', () => {
    const store = new InMemoryChatStore();
    const stored = addChatMessage(context(store), { ChatSessionId: 7, Message: message({ ChatSessionId: 99 }) });
    expect(stored.ChatSessionId).to.equal(7);
    expect(store.messagesAfter('Cust1', 7, 0)).to.deep.equal([stored]);
    expect(store.hasSession('Cust1', 99)).to.equal(false);
  });

  it('ignores the client’s ChatMessageId and assigns the tenant’s next id', () => {
    const store = new InMemoryChatStore();
    const first = addChatMessage(context(store), { ChatSessionId: 1, Message: message({ ChatMessageId: 500 }) });
    const second = addChatMessage(context(store), { ChatSessionId: 1, Message: message({ ChatMessageId: 1 }) });
    expect([first.ChatMessageId, second.ChatMessageId]).to.deep.equal([1, 2]);
  });

  it('returns the message as stored, every other field unchanged', () => {
    const store = new InMemoryChatStore();
    const when: Instant = { epochSeconds: 1_616_708_213, ticks: 1_234_567 };
    const input = message({ Type: 'Special', Message: null, Author: '', ReadByCustomer: -2, SpecialType: 'Options', SpecialParam: '["a"]', WhenPosted: when });
    expect(addChatMessage(context(store), { ChatSessionId: 3, Message: input })).to.deep.equal({
      ChatMessageId: 1,
      ChatSessionId: 3,
      Type: 'Special',
      Message: null,
      Author: '',
      ReadByCustomer: -2,
      SpecialType: 'Options',
      SpecialParam: '["a"]',
      WhenPosted: when,
    });
  });

  it('stamps an unset WhenPosted (0001-01-01T00:00:00) with the clock', () => {
    const store = new InMemoryChatStore();
    expect(addChatMessage(context(store), { ChatSessionId: 1, Message: message({ WhenPosted: DOTNET_MIN_VALUE }) }).WhenPosted).to.deep.equal(NOW);
    const parsedMinValue: Instant = { epochSeconds: -62_135_596_800, ticks: 0 };
    expect(addChatMessage(context(store), { ChatSessionId: 1, Message: message({ WhenPosted: parsedMinValue }) }).WhenPosted).to.deep.equal(NOW);
  });

  it('keeps any other WhenPosted with its 100 ns digits', () => {
    const store = new InMemoryChatStore();
    const justAfterMinValue: Instant = { epochSeconds: -62_135_596_800, ticks: 1 };
    const precise: Instant = { epochSeconds: 1_616_708_213, ticks: 9_999_999 };
    expect(addChatMessage(context(store), { ChatSessionId: 1, Message: message({ WhenPosted: justAfterMinValue }) }).WhenPosted).to.deep.equal(justAfterMinValue);
    expect(addChatMessage(context(store), { ChatSessionId: 1, Message: message({ WhenPosted: precise }) }).WhenPosted).to.deep.equal(precise);
  });

  it('refuses a null message with MessageNull and stores nothing', () => {
    const store = new InMemoryChatStore();
    const error = emulatorError(() => addChatMessage(context(store), { ChatSessionId: 1, Message: null }));
    expect(error.code).to.equal('MessageNull');
    expect(error.message).to.equal('Value cannot be null. Parameter name: message');
    expect(error.friendlyText).to.equal('The message to add is missing.');
    expect(store.hasSession('Cust1', 1)).to.equal(false);
    expect(addChatMessage(context(store), { ChatSessionId: 1, Message: message() }).ChatMessageId).to.equal(1);
  });

  it('in strict mode refuses an unknown session with SessionUnknown and stores nothing', () => {
    const store = new InMemoryChatStore();
    store.addSession('Cust2', 4);
    const error = emulatorError(() => addChatMessage(context(store, true), { ChatSessionId: 4, Message: message() }));
    expect(error.code).to.equal('SessionUnknown');
    expect(error.message).to.equal("Chat session 4 does not exist in tenant 'Cust1'.");
    expect(store.hasSession('Cust1', 4)).to.equal(false);
    expect(store.messagesAfter('Cust1', 4, 0)).to.deep.equal([]);
    expect(store.messagesAfter('Cust2', 4, 0)).to.deep.equal([]);
  });

  it('in strict mode adds to a known session', () => {
    const store = new InMemoryChatStore();
    store.addSession('Cust1', 4);
    const stored = addChatMessage(context(store, true), { ChatSessionId: 4, Message: message() });
    expect(stored.ChatMessageId).to.equal(1);
    expect(store.messagesAfter('Cust1', 4, 0)).to.deep.equal([stored]);
  });

  it('in lenient mode adds to an unknown session, creating it, with an unknown-session warning', () => {
    const store = new InMemoryChatStore();
    const stored = addChatMessage(context(store, false), { ChatSessionId: 8, Message: message() });
    expect(store.messagesAfter('Cust1', 8, 0)).to.deep.equal([stored]);
    expect(store.hasSession('Cust1', 8)).to.equal(true);
    expect(warnings).to.deep.equal([
      {
        code: 'unknown-session',
        message: "Chat session 8 does not exist in tenant 'Cust1': the real service would refuse it (SoNotFoundException); the emulator accepts it.",
      },
    ]);
    addChatMessage(context(store, false), { ChatSessionId: 8, Message: message() });
    expect(warnings).to.have.length(1);
  });
});

describe('getChatMessages', () => {
  function storeWithMessages(): InMemoryChatStore {
    const store = new InMemoryChatStore();
    for (const session of [1, 2, 1, 1]) addChatMessage(context(store), { ChatSessionId: session, Message: message({ Message: `in ${session}` }) });
    warnings.length = 0;
    return store;
  }

  it('returns the session’s messages after the given id, ascending', () => {
    const store = storeWithMessages();
    expect(getChatMessages(context(store), { ChatSessionId: 1, After: 0 }).map((m) => m.ChatMessageId)).to.deep.equal([1, 3, 4]);
    expect(getChatMessages(context(store), { ChatSessionId: 1, After: 1 }).map((m) => m.ChatMessageId)).to.deep.equal([3, 4]);
    expect(getChatMessages(context(store), { ChatSessionId: 2, After: 0 }).map((m) => m.ChatMessageId)).to.deep.equal([2]);
    expect(getChatMessages(context(store), { ChatSessionId: 1, After: 4 })).to.deep.equal([]);
  });

  it('reads only the context’s tenant', () => {
    const store = storeWithMessages();
    expect(getChatMessages(context(store, false, 'Cust2'), { ChatSessionId: 1, After: 0 })).to.deep.equal([]);
  });

  it('in strict mode refuses an unknown session with SessionUnknown', () => {
    const store = storeWithMessages();
    const error = emulatorError(() => getChatMessages(context(store, true), { ChatSessionId: 3, After: 0 }));
    expect(error.code).to.equal('SessionUnknown');
    expect(error.message).to.equal("Chat session 3 does not exist in tenant 'Cust1'.");
    expect(store.hasSession('Cust1', 3)).to.equal(false);
  });

  it('in strict mode reads a known session, even an empty one', () => {
    const store = storeWithMessages();
    store.addSession('Cust1', 3);
    expect(getChatMessages(context(store, true), { ChatSessionId: 1, After: 3 }).map((m) => m.ChatMessageId)).to.deep.equal([4]);
    expect(getChatMessages(context(store, true), { ChatSessionId: 3, After: 0 })).to.deep.equal([]);
  });

  it('in lenient mode answers an unknown session with no messages, and a warning', () => {
    const store = storeWithMessages();
    expect(getChatMessages(context(store, false), { ChatSessionId: 3, After: 0 })).to.deep.equal([]);
    expect(warnings.map((w) => w.code)).to.deep.equal(['unknown-session']);
  });
});

describe('authorize', () => {
  const TICKET = '7T:1234abcxyzExample==';
  const TOKEN = '1234567-1234-9876';

  function credentials(): InMemoryCredentials {
    const known = new InMemoryCredentials();
    known.addTicket(TICKET);
    known.addApplicationToken(TOKEN);
    known.addTicket('7T:cust2only', 'Cust2');
    return known;
  }

  const LENIENT = { strict: false, warn: () => undefined };
  const KARI = { AssociateId: 5, FullName: 'Kari Nordmann' } as SoPrincipalCarrier;

  function headers(applicationToken: string | null, ticket: string | null, misplaced: string[] = []): RequestHeaders {
    return { applicationToken, ticket, misplaced };
  }

  const check = (mode: InstallationMode, given: RequestHeaders, tenant = 'Cust1', requirement: Requirement = 'ticket'): SoPrincipalCarrier | null =>
    authorize(credentials(), mode, requirement, { tenant, headers: given, nowMs: NOW_MS, digester: DIGEST_EACH }, LENIENT);
  const authorizeError = (mode: InstallationMode, given: RequestHeaders, tenant = 'Cust1', requirement: Requirement = 'ticket'): EmulatorError =>
    emulatorError(() => check(mode, given, tenant, requirement));

  it('lets a known token and ticket through in online mode', () => {
    expect(check('online', headers(TOKEN, TICKET), 'Cust1')).to.equal(null);
  });

  it('refuses a missing or empty token in online mode with ApplicationTokenMissing', () => {
    for (const token of [null, '']) {
      const error = authorizeError('online', headers(token, TICKET));
      expect(error.code).to.equal('ApplicationTokenMissing');
      expect(error.message).to.equal(
        'No ApplicationToken header: an Online installation requires the application token in the ApplicationToken header ' +
          '(namespace http://www.superoffice.net/ws/crm/NetServer/Services88).',
      );
    }
  });

  it('refuses an unknown token in online mode with ApplicationTokenUnknown', () => {
    const error = authorizeError('online', headers('wrong', TICKET));
    expect(error.code).to.equal('ApplicationTokenUnknown');
    expect(error.message).to.equal("The ApplicationToken is not known in tenant 'Cust1'.");
  });

  it('checks the token before the ticket', () => {
    expect(authorizeError('online', headers(null, null)).code).to.equal('ApplicationTokenMissing');
  });

  it('refuses a missing or empty ticket with TicketMissing', () => {
    for (const ticket of [null, '']) {
      const error = authorizeError('online', headers(TOKEN, ticket));
      expect(error.code).to.equal('TicketMissing');
      expect(error.message).to.equal(
        'No ticket: the Credentials header must carry a Ticket (namespace http://www.superoffice.net/ws/crm/NetServer/Services88).',
      );
      expect(error.friendlyText).to.equal('You are not logged in.');
    }
  });

  it('refuses an unknown ticket with TicketUnknown', () => {
    const error = authorizeError('online', headers(TOKEN, '7T:unknown'));
    expect(error.code).to.equal('TicketUnknown');
    expect(error.message).to.equal("The ticket is not known in tenant 'Cust1'.");
  });

  it('refuses a ticket valid only in another tenant as an unknown ticket, not telling that it is valid elsewhere', () => {
    const error = authorizeError('online', headers(TOKEN, '7T:cust2only'));
    expect(error.code).to.equal('TicketUnknown');
    expect(error.message).to.equal("The ticket is not known in tenant 'Cust1'.");
    expect(check('online', headers(TOKEN, '7T:cust2only'), 'Cust2')).to.equal(null);
  });

  it('ignores the token in onsite mode, missing or unknown', () => {
    expect(check('onsite', headers(null, TICKET), 'default')).to.equal(null);
    expect(check('onsite', headers('wrong', TICKET), 'default')).to.equal(null);
  });

  it('takes a ticket or token known only once trimmed with a warning, and refuses it in strict mode', () => {
    const warnings: FidelityWarning[] = [];
    const given = headers(` ${TOKEN}`, `\n${TICKET}\n`);
    authorize(credentials(), 'online', 'ticket', { tenant: 'Cust1', headers: given, nowMs: NOW_MS, digester: DIGEST_EACH }, { strict: false, warn: (w) => warnings.push(w) });
    expect(warnings.map((w) => w.code)).to.deep.equal(['credential-whitespace', 'credential-whitespace']);
    const strict = { strict: true, warn: () => expect.fail('no warning in strict mode') };
    const tokenError = emulatorError(() => authorize(credentials(), 'online', 'ticket', { tenant: 'Cust1', headers: given, nowMs: NOW_MS, digester: DIGEST_EACH }, strict));
    expect(tokenError.code).to.equal('ApplicationTokenUnknown');
    const ticketError = emulatorError(() => authorize(credentials(), 'online', 'ticket', { tenant: 'Cust1', headers: headers(TOKEN, ` ${TICKET}`), nowMs: NOW_MS, digester: DIGEST_EACH }, strict));
    expect(ticketError.code).to.equal('TicketUnknown');
  });

  it('still checks the ticket in onsite mode', () => {
    expect(authorizeError('onsite', headers(null, null), 'default').code).to.equal('TicketMissing');
    expect(authorizeError('onsite', headers(null, '7T:unknown'), 'default').code).to.equal('TicketUnknown');
  });

  it('says who calls: the user of a ticket a login issued, or of a fixture ticket bound to a user; null for a system ticket', () => {
    const known = credentials();
    known.addIssuedTicket('Cust1', '7T:issued', NOW_MS, NOW_MS + 1000, KARI);
    const ola = { AssociateId: 6, FullName: 'Ola Nordmann' } as SoPrincipalCarrier;
    known.addUser('Cust1', { userName: 'ola', password: 'pw', principal: ola, tickets: ['7T:ola'] });
    const caller = (ticket: string, tenant = 'Cust1') => authorize(known, 'online', 'ticket', { tenant, headers: headers(TOKEN, ticket), nowMs: NOW_MS, digester: DIGEST_EACH }, LENIENT);
    expect(caller('7T:issued')).to.equal(KARI);
    expect(caller('7T:ola')).to.equal(ola);
    expect(caller(TICKET)).to.equal(null);
    expect(emulatorError(() => caller('7T:ola', 'Cust2')).code).to.equal('TicketUnknown');
  });

  it('accepts an issued ticket in its tenant until it expires, then refuses it with TicketExpired', () => {
    const known = credentials();
    known.addIssuedTicket('Cust1', '7T:issued', NOW_MS, NOW_MS + 1000, KARI);
    const at = (nowMs: number, tenant = 'Cust1') => () => authorize(known, 'online', 'ticket', { tenant, headers: headers(TOKEN, '7T:issued'), nowMs, digester: DIGEST_EACH }, LENIENT);
    expect(at(NOW_MS + 999)()).to.equal(KARI);
    const expired = emulatorError(at(NOW_MS + 1000));
    expect(expired.code).to.equal('TicketExpired');
    expect(expired.definition).to.deep.equal({ kind: 'application', exceptionType: 'SoTicketExpiredException', rest: { status: 401 } });
    expect(expired.message).to.equal('The ticket has expired: log in again (SoPrincipal.svc AuthenticateUsernamePassword) for a new one.');
    expect(emulatorError(at(NOW_MS, 'Cust2')).code).to.equal('TicketUnknown');
  });

  it('asks only for the application token when the requirement is applicationToken (logging in)', () => {
    expect(check('online', headers(TOKEN, null), 'Cust1', 'applicationToken')).to.equal(null);
    expect(check('onsite', headers(null, null), 'default', 'applicationToken')).to.equal(null);
    expect(authorizeError('online', headers(null, TICKET), 'Cust1', 'applicationToken').code).to.equal('ApplicationTokenMissing');
    expect(authorizeError('online', headers('wrong', null), 'Cust1', 'applicationToken').code).to.equal('ApplicationTokenUnknown');
  });

  it('mentions misplaced headers in the TicketMissing message', () => {
    const error = authorizeError('onsite', headers(null, null, ["Credentials (namespace '')"]), 'default');
    expect(error.code).to.equal('TicketMissing');
    expect(error.message).to.equal(
      'No ticket: the Credentials header must carry a Ticket (namespace http://www.superoffice.net/ws/crm/NetServer/Services88). ' +
        "Headers seen in another namespace: Credentials (namespace '').",
    );
  });

  it('mentions misplaced headers in the ApplicationTokenMissing message', () => {
    const error = authorizeError('online', headers(null, null, ["ApplicationToken (namespace 'urn:x')", "Credentials (namespace 'urn:x')"]));
    expect(error.code).to.equal('ApplicationTokenMissing');
    expect(error.message).to.match(
      / Headers seen in another namespace: ApplicationToken \(namespace 'urn:x'\), Credentials \(namespace 'urn:x'\)\.$/,
    );
  });
});
