import SwaggerParser from '@apidevtools/swagger-parser';
import { expect } from 'chai';
import { CHAT_MESSAGE_FIELDS } from '../../src/contract/chat-message.js';
import { ENUM_VALUES } from '../../src/contract/generated.js';
import { ADMIN_OPENAPI } from '../../src/admin/openapi.js';

type Schema = { readonly [keyword: string]: unknown };

const schemas = ADMIN_OPENAPI.components.schemas as unknown as Record<string, Schema>;
const properties = (schema: Schema | undefined) => (schema?.['properties'] ?? {}) as Record<string, Schema>;

describe('the admin API description', () => {
  it('is a valid OpenAPI 3.0 document, every $ref resolved, by an independent validator', async () => {
    // The validator takes the document as its own to dereference: give it a copy.
    await SwaggerParser.validate(structuredClone(ADMIN_OPENAPI) as never);
  });

  it('describes ChatMessage as Chat.wsdl declares it: its elements in order, nil strings nullable, enums by their names', () => {
    const message = properties(schemas['ChatMessage']);
    expect(Object.keys(message)).to.deep.equal([...CHAT_MESSAGE_FIELDS]);
    expect(message['ChatMessageId']).to.deep.equal({ type: 'integer', format: 'int32' });
    expect(message['Message']).to.deep.equal({ type: 'string', nullable: true });
    expect(message['ReadByCustomer']).to.deep.equal({ type: 'integer', minimum: -32768, maximum: 32767 });
    expect(message['Type']).to.deep.equal({ $ref: '#/components/schemas/ChatMessageType' });
    expect(schemas['ChatMessageSpecialType']).to.deep.equal({ type: 'string', enum: Object.keys(ENUM_VALUES.ChatMessageSpecialType) });
    expect(message['WhenPosted']).to.include({ type: 'string', format: 'date-time' });
  });

  it("describes a fixture tenant's messages and users by the contract's types", () => {
    const tenant = (properties(schemas['Fixtures'])['tenants']?.['additionalProperties'] ?? {}) as Schema;
    const user = (properties(tenant)['users']?.['items'] ?? {}) as Schema;
    expect(Object.keys(properties(user))).to.include.members(['UserName', 'Password', 'AssociateId', 'FunctionRights', 'SecondaryGroups', 'tickets']);
    expect(Object.keys(properties(user))).not.to.include.members(['Licenses']);
    expect(properties(user)['FullName']).to.deep.equal({ type: 'string', nullable: true });
    expect(properties(user)['FunctionRights']).to.deep.equal({ type: 'array', items: { type: 'string', nullable: true }, nullable: true });
    expect(properties(user)['EjUserStatus']).to.deep.equal({ $ref: '#/components/schemas/EjUserStatus' });
  });
});
