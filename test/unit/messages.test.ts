import { expect } from 'chai';
import type { ChatMessage } from '../../src/contract/chat-message.js';
import { DOTNET_MIN_VALUE } from '../../src/contract/datetime.js';
import { readRequestHeaders } from '../../src/contract/headers.js';
import type { ReadContext } from '../../src/contract/codec.js';
import type { OperationRequests } from '../../src/contract/generated.js';
import type { Value } from '../../src/contract/schema.js';
import { schemaOf } from '../../src/contract/schemas.js';
import { EmulatorError } from '../../src/errors.js';
import { parseXml, type XmlElement } from '../../src/xml.js';
import { READ_CONTEXT } from '../support/context.js';

const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services88';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/* The requests and responses of AddChatMessage and GetChatMessages, read and written by the schema of Chat.wsdl. */
const chat = schemaOf('Chat');
const readAddChatMessage = (wrapper: XmlElement, context: ReadContext) =>
  chat.wrapper(`{${NS}}AddChatMessage`).read(wrapper, 'AddChatMessage', context) as OperationRequests['AddChatMessage'];
const readGetChatMessages = (wrapper: XmlElement, context: ReadContext) =>
  chat.wrapper(`{${NS}}GetChatMessages`).read(wrapper, 'GetChatMessages', context) as OperationRequests['GetChatMessages'];
const writeAddChatMessageResult = (message: ChatMessage | null) => chat.wrapper(`{${NS}}AddChatMessageResponse`).write({ Response: message } as Value);
const writeGetChatMessagesResult = (messages: readonly ChatMessage[] | null) => chat.wrapper(`{${NS}}GetChatMessagesResponse`).write({ Response: messages } as Value);

/** An AddChatMessage wrapper whose content is `inner`; the Services88 namespace is the default, `i` is xsi. */
function addChatMessage(inner: string): XmlElement {
  return parseXml(`<AddChatMessage xmlns="${NS}" xmlns:i="${XSI}">${inner}</AddChatMessage>`);
}

/** The same, with prefix `c` for Services88, as many clients write it. */
function prefixedAddChatMessage(inner: string): XmlElement {
  return parseXml(`<c:AddChatMessage xmlns:c="${NS}" xmlns:xsi="${XSI}">${inner}</c:AddChatMessage>`);
}

function getChatMessages(inner: string): XmlElement {
  return parseXml(`<GetChatMessages xmlns="${NS}">${inner}</GetChatMessages>`);
}

/** The EmulatorError `read` throws; fails the test when it throws nothing or something else. */
function errorFrom(read: () => unknown): EmulatorError {
  try {
    read();
  } catch (error) {
    expect(error).to.be.instanceOf(EmulatorError);
    return error as EmulatorError;
  }
  expect.fail('no error was thrown');
}

const PREFIX = 'The formatter threw an exception while trying to deserialize the message: ';

const DEFAULT_MESSAGE: ChatMessage = {
  ChatMessageId: 0,
  ChatSessionId: 0,
  Type: 'Invalid',
  Message: null,
  Author: null,
  ReadByCustomer: 0,
  SpecialType: 'None',
  SpecialParam: null,
  WhenPosted: DOTNET_MIN_VALUE,
};

describe('readAddChatMessage', () => {
  it('reads every field of a full request', () => {
    const request = readAddChatMessage(
      addChatMessage(
        '<ChatSessionId>7</ChatSessionId><Message>' +
          '<ChatMessageId>3</ChatMessageId><ChatSessionId>8</ChatSessionId><Type>ToUser</Type>' +
          '<Message>hi &amp; bye</Message><Author>Ann</Author><ReadByCustomer>1</ReadByCustomer>' +
          '<SpecialType>Options</SpecialType><SpecialParam>["a","b"]</SpecialParam>' +
          '<WhenPosted>2021-03-25T21:36:53.1234567+01:00</WhenPosted></Message>',
      ),
      READ_CONTEXT,
    );
    expect(request).to.deep.equal({
      ChatSessionId: 7,
      Message: {
        ChatMessageId: 3,
        ChatSessionId: 8,
        Type: 'ToUser',
        Message: 'hi & bye',
        Author: 'Ann',
        ReadByCustomer: 1,
        SpecialType: 'Options',
        SpecialParam: '["a","b"]',
        // 21:36:53 at +01:00 is 20:36:53Z.
        WhenPosted: { epochSeconds: 1_616_704_613, ticks: 1_234_567 },
      },
    });
  });

  it('reads prefixed elements the same as default-namespace ones', () => {
    const request = readAddChatMessage(
      prefixedAddChatMessage('<c:ChatSessionId>5</c:ChatSessionId><c:Message><c:Type>Special</c:Type></c:Message>'),
      READ_CONTEXT,
    );
    expect(request).to.deep.equal({ ChatSessionId: 5, Message: { ...DEFAULT_MESSAGE, Type: 'Special' } });
  });

  it('gives absent fields their defaults', () => {
    expect(readAddChatMessage(addChatMessage('<Message/>'), READ_CONTEXT)).to.deep.equal({ ChatSessionId: 0, Message: DEFAULT_MESSAGE });
    expect(readAddChatMessage(addChatMessage('<Message><Author>x</Author></Message>'), READ_CONTEXT)).to.deep.equal({
      ChatSessionId: 0,
      Message: { ...DEFAULT_MESSAGE, Author: 'x' },
    });
  });

  it('reads an absent Message element as a null message', () => {
    expect(readAddChatMessage(addChatMessage('<ChatSessionId>4</ChatSessionId>'), READ_CONTEXT)).to.deep.equal({ ChatSessionId: 4, Message: null });
  });

  it('reads an empty string field as the empty string, not null', () => {
    const request = readAddChatMessage(addChatMessage('<Message><Message></Message><Author/></Message>'), READ_CONTEXT);
    expect(request.Message?.Message).to.equal('');
    expect(request.Message?.Author).to.equal('');
  });

  it('keeps whitespace in string fields', () => {
    const request = readAddChatMessage(addChatMessage('<Message><Message>  two\n lines </Message></Message>'), READ_CONTEXT);
    expect(request.Message?.Message).to.equal('  two\n lines ');
  });

  it('reads xsi:nil on the Message field as null', () => {
    const request = readAddChatMessage(addChatMessage('<Message><Message i:nil="true"/><SpecialParam i:nil="1"/></Message>'), READ_CONTEXT);
    expect(request.Message).to.deep.equal(DEFAULT_MESSAGE);
    const prefixed = readAddChatMessage(prefixedAddChatMessage('<c:Message><c:Author xsi:nil="true">ignored</c:Author></c:Message>'), READ_CONTEXT);
    expect(prefixed.Message?.Author).to.equal(null);
  });

  it('reads a nil Message element as a null message', () => {
    expect(readAddChatMessage(addChatMessage('<ChatSessionId>2</ChatSessionId><Message i:nil="true"/>'), READ_CONTEXT)).to.deep.equal({
      ChatSessionId: 2,
      Message: null,
    });
  });

  it('reads xsi:nil="false" as not nil', () => {
    expect(readAddChatMessage(addChatMessage('<Message i:nil="false"/>'), READ_CONTEXT).Message).to.deep.equal(DEFAULT_MESSAGE);
  });

  it('refuses xsi:nil on ReadByCustomer with DeserializationFailed naming the element', () => {
    const error = errorFrom(() => readAddChatMessage(addChatMessage('<Message><ReadByCustomer i:nil="true"/></Message>'), READ_CONTEXT));
    expect(error.code).to.equal('DeserializationFailed');
    expect(error.message).to.equal(
      `${PREFIX}element 'AddChatMessage/Message/ReadByCustomer' is nil (xsi:nil="true"), but xs:short is not nillable.`,
    );
  });

  it('refuses ReadByCustomer 32768 naming the element, the value and xs:short', () => {
    const error = errorFrom(() => readAddChatMessage(addChatMessage('<Message><ReadByCustomer>32768</ReadByCustomer></Message>'), READ_CONTEXT));
    expect(error.code).to.equal('DeserializationFailed');
    expect(error.message).to.equal(
      `${PREFIX}element 'AddChatMessage/Message/ReadByCustomer' has the value '32768', which is not a valid xs:short (out of range -32768 to 32767).`,
    );
  });

  it('refuses Type toUser naming ChatMessageType and its names', () => {
    const error = errorFrom(() => readAddChatMessage(addChatMessage('<Message><Type>toUser</Type></Message>'), READ_CONTEXT));
    expect(error.code).to.equal('DeserializationFailed');
    expect(error.message).to.equal(
      `${PREFIX}element 'AddChatMessage/Message/Type' has the value 'toUser', which is not a valid ChatMessageType ` +
        '(the names, case-sensitive, are Invalid, ToCustomer, ToUser, Special).',
    );
  });

  it('refuses a WhenPosted with month 13 naming the element, the value and the problem', () => {
    const error = errorFrom(() => readAddChatMessage(addChatMessage('<Message><WhenPosted>2021-13-01T00:00:00Z</WhenPosted></Message>'), READ_CONTEXT));
    expect(error.code).to.equal('DeserializationFailed');
    expect(error.message).to.contain("element 'AddChatMessage/Message/WhenPosted'");
    expect(error.message).to.contain("has the value '2021-13-01T00:00:00Z', which is not a valid xs:dateTime (month 13 is out of range 1 to 12).");
  });

  it('refuses a wrapper ChatSessionId that is not an xs:int', () => {
    const error = errorFrom(() => readAddChatMessage(addChatMessage('<ChatSessionId>1.5</ChatSessionId>'), READ_CONTEXT));
    expect(error.code).to.equal('DeserializationFailed');
    expect(error.message).to.equal(
      `${PREFIX}element 'AddChatMessage/ChatSessionId' has the value '1.5', which is not a valid xs:int (not an integer from -2147483648 to 2147483647).`,
    );
  });

  it('refuses an element with child elements where a value is expected', () => {
    const error = errorFrom(() => readAddChatMessage(addChatMessage('<Message><ChatMessageId><x/></ChatMessageId></Message>'), READ_CONTEXT));
    expect(error.code).to.equal('DeserializationFailed');
    expect(error.message).to.equal(`${PREFIX}element 'AddChatMessage/Message/ChatMessageId' has child elements; expected a xs:int value.`);
    const inString = errorFrom(() => readAddChatMessage(addChatMessage('<Message><Message><b>bold</b></Message></Message>'), READ_CONTEXT));
    expect(inString.code).to.equal('DeserializationFailed');
    expect(inString.message).to.contain("'AddChatMessage/Message/Message' has child elements");
  });

  it('clips a very long bad value in the message', () => {
    const long = '1'.repeat(150);
    const error = errorFrom(() => readAddChatMessage(addChatMessage(`<ChatSessionId>${long}</ChatSessionId>`), READ_CONTEXT));
    expect(error.message).to.contain(`the value '${'1'.repeat(100)}… (150 characters)'`);
  });

  it('ignores elements in a foreign namespace, as if absent', () => {
    const request = readAddChatMessage(
      addChatMessage('<ChatSessionId xmlns="urn:other">5</ChatSessionId><Message><Type xmlns="urn:other">bogus</Type><Author>a</Author></Message>'),
      READ_CONTEXT,
    );
    expect(request).to.deep.equal({ ChatSessionId: 0, Message: { ...DEFAULT_MESSAGE, Author: 'a' } });
  });

  it('ignores a Message element in a foreign namespace (the message is then null)', () => {
    expect(readAddChatMessage(addChatMessage('<Message xmlns="urn:other"><Type>ToUser</Type></Message>'), READ_CONTEXT)).to.deep.equal({
      ChatSessionId: 0,
      Message: null,
    });
  });

  it('ignores unknown extra elements', () => {
    const request = readAddChatMessage(
      addChatMessage('<Extra>x</Extra><ChatSessionId>9</ChatSessionId><Message><Colour>red</Colour><ReadByCustomer>2</ReadByCustomer></Message>'),
      READ_CONTEXT,
    );
    expect(request).to.deep.equal({ ChatSessionId: 9, Message: { ...DEFAULT_MESSAGE, ReadByCustomer: 2 } });
  });
});

describe('readGetChatMessages', () => {
  it('reads ChatSessionId and After', () => {
    expect(readGetChatMessages(getChatMessages('<ChatSessionId>606</ChatSessionId><After>148</After>'), READ_CONTEXT)).to.deep.equal({
      ChatSessionId: 606,
      After: 148,
    });
  });

  it('gives absent parameters 0', () => {
    expect(readGetChatMessages(getChatMessages(''), READ_CONTEXT)).to.deep.equal({ ChatSessionId: 0, After: 0 });
  });

  it('accepts After at the xs:int boundaries', () => {
    expect(readGetChatMessages(getChatMessages('<After>2147483647</After>'), READ_CONTEXT).After).to.equal(2147483647);
    expect(readGetChatMessages(getChatMessages('<After>-2147483648</After>'), READ_CONTEXT).After).to.equal(-2147483648);
  });

  it('refuses After 2147483648 with DeserializationFailed', () => {
    const error = errorFrom(() => readGetChatMessages(getChatMessages('<ChatSessionId>1</ChatSessionId><After>2147483648</After>'), READ_CONTEXT));
    expect(error.code).to.equal('DeserializationFailed');
    expect(error.message).to.equal(
      `${PREFIX}element 'GetChatMessages/After' has the value '2147483648', which is not a valid xs:int (out of range -2147483648 to 2147483647).`,
    );
  });
});

describe('writeAddChatMessageResult', () => {
  it('writes every field in contract order, escaping text and writing 100 ns dates', () => {
    const message: ChatMessage = {
      ChatMessageId: 12,
      ChatSessionId: 3,
      Type: 'ToUser',
      Message: 'a<b&c>\r\nd',
      Author: null,
      ReadByCustomer: -1,
      SpecialType: 'TransferedSession',
      SpecialParam: '',
      WhenPosted: { epochSeconds: 1_616_708_213, ticks: 1_234_567 },
    };
    expect(writeAddChatMessageResult(message)).to.equal(
      '<Response>' +
        '<ChatMessageId>12</ChatMessageId>' +
        '<ChatSessionId>3</ChatSessionId>' +
        '<Type>ToUser</Type>' +
        '<Message>a&lt;b&amp;c&gt;&#xD;\nd</Message>' +
        '<Author i:nil="true"/>' +
        '<ReadByCustomer>-1</ReadByCustomer>' +
        '<SpecialType>TransferedSession</SpecialType>' +
        '<SpecialParam/>' +
        '<WhenPosted>2021-03-25T21:36:53.1234567Z</WhenPosted>' +
        '</Response>',
    );
  });

  it('writes the default message with nil strings and 0001-01-01', () => {
    expect(writeAddChatMessageResult(DEFAULT_MESSAGE)).to.equal(
      '<Response><ChatMessageId>0</ChatMessageId><ChatSessionId>0</ChatSessionId><Type>Invalid</Type>' +
        '<Message i:nil="true"/><Author i:nil="true"/><ReadByCustomer>0</ReadByCustomer><SpecialType>None</SpecialType>' +
        '<SpecialParam i:nil="true"/><WhenPosted>0001-01-01T00:00:00Z</WhenPosted></Response>',
    );
  });

  it('writes a nil Response for a failed call', () => {
    expect(writeAddChatMessageResult(null)).to.equal('<Response i:nil="true"/>');
  });
});

describe('writeGetChatMessagesResult', () => {
  const first: ChatMessage = {
    ChatMessageId: 1,
    ChatSessionId: 2,
    Type: 'ToCustomer',
    Message: '',
    Author: 'Bot',
    ReadByCustomer: 0,
    SpecialType: 'Welcome',
    SpecialParam: null,
    WhenPosted: { epochSeconds: 1_616_708_213, ticks: 0 },
  };
  const second: ChatMessage = { ...first, ChatMessageId: 5, Message: '"q" \'a\'', WhenPosted: { epochSeconds: 1_616_708_213, ticks: 1_200_000 } };

  it('writes each message as a ChatMessage element, in the given order', () => {
    const body = (id: number, message: string, date: string) =>
      `<ChatMessage><ChatMessageId>${id}</ChatMessageId><ChatSessionId>2</ChatSessionId><Type>ToCustomer</Type>${message}` +
      '<Author>Bot</Author><ReadByCustomer>0</ReadByCustomer><SpecialType>Welcome</SpecialType><SpecialParam i:nil="true"/>' +
      `<WhenPosted>${date}</WhenPosted></ChatMessage>`;
    expect(writeGetChatMessagesResult([first, second])).to.equal(
      '<Response>' +
        body(1, '<Message/>', '2021-03-25T21:36:53Z') +
        body(5, '<Message>"q" \'a\'</Message>', '2021-03-25T21:36:53.12Z') +
        '</Response>',
    );
  });

  it('writes an empty Response element for no messages', () => {
    expect(writeGetChatMessagesResult([])).to.equal('<Response/>');
  });

  it('writes a nil Response for a failed call', () => {
    expect(writeGetChatMessagesResult(null)).to.equal('<Response i:nil="true"/>');
  });
});

describe('readRequestHeaders', () => {
  function headers(inner: string): readonly XmlElement[] {
    return parseXml(`<Header xmlns:c="${NS}" xmlns:xsi="${XSI}">${inner}</Header>`).children;
  }

  it('finds the ApplicationToken and the Credentials Ticket in the Services88 namespace', () => {
    const read = readRequestHeaders(
      headers('<c:ApplicationToken>1234567-1234-9876</c:ApplicationToken><c:Credentials><c:Ticket>7T:abc==</c:Ticket></c:Credentials>'),
    );
    expect(read).to.deep.equal({ applicationToken: '1234567-1234-9876', ticket: '7T:abc==', misplaced: [] });
  });

  it('keeps whitespace around the token and the ticket, as WCF keeps an xs:string', () => {
    const read = readRequestHeaders(headers('<c:ApplicationToken> tok\n</c:ApplicationToken><c:Credentials><c:Ticket>\n 7T:x \n</c:Ticket></c:Credentials>'));
    expect(read.applicationToken).to.equal(' tok\n');
    expect(read.ticket).to.equal('\n 7T:x \n');
  });

  it('reports absent headers as null', () => {
    expect(readRequestHeaders([])).to.deep.equal({ applicationToken: null, ticket: null, misplaced: [] });
    expect(readRequestHeaders(headers('<c:Credentials/>'))).to.deep.equal({ applicationToken: null, ticket: null, misplaced: [] });
  });

  it('reads nil headers as null', () => {
    expect(readRequestHeaders(headers('<c:ApplicationToken xsi:nil="true"/><c:Credentials xsi:nil="true"/>'))).to.deep.equal({
      applicationToken: null,
      ticket: null,
      misplaced: [],
    });
    expect(readRequestHeaders(headers('<c:Credentials><c:Ticket xsi:nil="true"/></c:Credentials>')).ticket).to.equal(null);
  });

  it('does not take a Ticket in another namespace', () => {
    expect(readRequestHeaders(headers('<c:Credentials><Ticket>7T:x</Ticket></c:Credentials>')).ticket).to.equal(null);
  });

  it('reports ApplicationToken and Credentials in another namespace as misplaced, and does not use them', () => {
    const read = readRequestHeaders(
      headers('<ApplicationToken>tok</ApplicationToken><Credentials xmlns="urn:wrong"><Ticket>7T:x</Ticket></Credentials><TimeZone/>'),
    );
    expect(read).to.deep.equal({
      applicationToken: null,
      ticket: null,
      misplaced: ["ApplicationToken (namespace '')", "Credentials (namespace 'urn:wrong')"],
    });
  });
});
