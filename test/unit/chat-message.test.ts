import { expect } from 'chai';
import { CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS } from '../../src/contract/chat-message.js';
import { DOTNET_MIN_VALUE, formatXsDateTime } from '../../src/contract/datetime.js';

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

describe('CHAT_MESSAGE_FIELDS', () => {
  it('lists the ChatMessage elements in contract order', () => {
    expect([...CHAT_MESSAGE_FIELDS]).to.deep.equal(CONTRACT_ORDER);
  });

  it('lists exactly the keys of CHAT_MESSAGE_CONTRACT, in the same order', () => {
    expect(Object.keys(CHAT_MESSAGE_CONTRACT)).to.deep.equal([...CHAT_MESSAGE_FIELDS]);
  });
});

describe('CHAT_MESSAGE_CONTRACT', () => {
  it('makes exactly Message, Author and SpecialParam nillable', () => {
    const nillable = CHAT_MESSAGE_FIELDS.filter((name) => CHAT_MESSAGE_CONTRACT[name].nillable);
    expect(nillable).to.deep.equal(['Message', 'Author', 'SpecialParam']);
    for (const name of CHAT_MESSAGE_FIELDS) {
      expect(CHAT_MESSAGE_CONTRACT[name].nillable, name).to.be.a('boolean');
    }
  });

  it('gives each field the value WCF leaves when the element is absent', () => {
    const defaults = CHAT_MESSAGE_FIELDS.map((name) => CHAT_MESSAGE_CONTRACT[name].whenAbsent);
    expect(defaults).to.deep.equal([0, 0, 'Invalid', null, null, 0, 'None', null, DOTNET_MIN_VALUE]);
  });

  it('leaves WhenPosted at .NET DateTime.MinValue, 0001-01-01T00:00:00Z', () => {
    expect(formatXsDateTime(CHAT_MESSAGE_CONTRACT.WhenPosted.whenAbsent)).to.equal('0001-01-01T00:00:00Z');
    expect(CHAT_MESSAGE_CONTRACT.WhenPosted.whenAbsent).to.deep.equal({ epochSeconds: -62_135_596_800, ticks: 0 });
  });

  it('reads each field with the codec of its schema type', () => {
    const typeNames = CHAT_MESSAGE_FIELDS.map((name) => CHAT_MESSAGE_CONTRACT[name].codec.typeName);
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
