import { expect } from 'chai';
import { CHAT_MESSAGE_FIELDS, chatMessageType } from '../../src/contract/chat-message.js';
import { DOTNET_MIN_VALUE, formatXsDateTime } from '../../src/contract/datetime.js';
import type { Sequence } from '../../src/contract/schema.js';

const CONTRACT_ORDER = [
  'ChatMessageId',
  'ChatSessionId',
  'Type',
  'Message',
  'Author',
  'ReadByCustomer',
  'SpecialType',
  'SpecialParam',
  'WhenPosted',
];

function sequence(): Sequence {
  const found = chatMessageType().sequence;
  if (found === undefined) expect.fail('ChatMessage has no sequence');
  return found;
}

describe('CHAT_MESSAGE_FIELDS', () => {
  it('lists the ChatMessage elements in contract order', () => {
    expect([...CHAT_MESSAGE_FIELDS]).to.deep.equal(CONTRACT_ORDER);
  });

  it('lists exactly the elements of the ChatMessage type compiled from Chat.wsdl, in the same order', () => {
    expect(sequence().names).to.deep.equal([...CHAT_MESSAGE_FIELDS]);
  });
});

describe('ChatMessage, compiled from Chat.wsdl', () => {
  it('makes exactly Message, Author and SpecialParam nillable', () => {
    const nillable = CHAT_MESSAGE_FIELDS.filter((_, i) => sequence().nillableAt(i));
    expect(nillable).to.deep.equal(['Message', 'Author', 'SpecialParam']);
  });

  it('gives each field the value WCF leaves when the element is absent', () => {
    const defaults = CHAT_MESSAGE_FIELDS.map((_, i) => sequence().codecAt(i).whenAbsent);
    expect(defaults).to.deep.equal([0, 0, 'Invalid', null, null, 0, 'None', null, DOTNET_MIN_VALUE]);
  });

  it('leaves WhenPosted at .NET DateTime.MinValue, 0001-01-01T00:00:00Z', () => {
    const whenPosted = sequence().codecAt(CHAT_MESSAGE_FIELDS.indexOf('WhenPosted')).whenAbsent;
    expect(formatXsDateTime(whenPosted as typeof DOTNET_MIN_VALUE)).to.equal('0001-01-01T00:00:00Z');
    expect(whenPosted).to.deep.equal({ epochSeconds: -62_135_596_800, ticks: 0 });
  });

  it('reads each field with the codec of its schema type', () => {
    const typeNames = CHAT_MESSAGE_FIELDS.map((_, i) => sequence().codecAt(i).typeName);
    expect(typeNames).to.deep.equal([
      'xs:int',
      'xs:int',
      'ChatMessageType',
      'xs:string',
      'xs:string',
      'xs:short',
      'ChatMessageSpecialType',
      'xs:string',
      'xs:dateTime',
    ]);
  });
});
