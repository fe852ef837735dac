import { XMLParser } from 'fast-xml-parser';
import { CHAT_MESSAGE_FIELDS, type ChatMessage } from '../../src/contract/chat-message.js';
import { SERVICES88_NS, SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS } from '../../src/contract/namespaces.js';
import { OPERATIONS, type OperationName } from '../../src/contract/operations.js';

export const SAMPLE_TICKET = '7T:1234abcxyzExample==';
export const SAMPLE_TOKEN = '1234567-1234-9876';

export type Version = '1.1' | '1.2';

/** A ChatMessage as element texts; null writes xsi:nil, undefined leaves the element out. */
export type MessageFields = Partial<Record<keyof ChatMessage, string | null>>;

/** The ChatMessage fields, written in contract order, qualified with prefix `c`. */
export function chatMessageXml(fields: MessageFields): string {
  return CHAT_MESSAGE_FIELDS.map((name) => element(name, fields[name])).join('');
}

export function element(name: string, value: string | null | undefined): string {
  if (value === undefined) return '';
  if (value === null) return `<c:${name} xsi:nil="true"/>`;
  return `<c:${name}>${value}</c:${name}>`;
}

export function addChatMessageBody(chatSessionId: string | undefined, message: MessageFields | null | undefined): string {
  const messageXml = message === undefined ? '' : message === null ? '<c:Message xsi:nil="true"/>' : `<c:Message>${chatMessageXml(message)}</c:Message>`;
  return `<c:AddChatMessage>${element('ChatSessionId', chatSessionId)}${messageXml}</c:AddChatMessage>`;
}

export function getChatMessagesBody(chatSessionId: string | undefined, after: string | undefined): string {
  return `<c:GetChatMessages>${element('ChatSessionId', chatSessionId)}${element('After', after)}</c:GetChatMessages>`;
}

/** An AuthenticateUsernamePassword body; null writes xsi:nil, undefined leaves the element out. */
export function loginBody(userName: string | null | undefined, password: string | null | undefined): string {
  return `<c:AuthenticateUsernamePassword>${element('UserName', userName)}${element('Password', password)}</c:AuthenticateUsernamePassword>`;
}

export interface Credentials {
  token?: string | null;
  ticket?: string | null;
}

/** The request headers; null leaves a header out. */
export function headerBlocks({ token = SAMPLE_TOKEN, ticket = SAMPLE_TICKET }: Credentials = {}): string {
  return (token === null ? '' : `<c:ApplicationToken>${token}</c:ApplicationToken>`) + (ticket === null ? '' : `<c:Credentials><c:Ticket>${ticket}</c:Ticket></c:Credentials>`);
}

/** A standard envelope with the headers inside Header. */
export function envelope(version: Version, body: string, credentials: Credentials = {}): string {
  const ns = version === '1.1' ? SOAP11_ENVELOPE_NS : SOAP12_ENVELOPE_NS;
  return (
    `<s:Envelope xmlns:s="${ns}" xmlns:c="${SERVICES88_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<s:Header>${headerBlocks(credentials)}</s:Header><s:Body>${body}</s:Body></s:Envelope>`
  );
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  headers: Headers;
}

export interface PostOptions {
  version?: Version;
  /** The action to send: as SOAPAction (1.1) or the Content-Type action (1.2). Default: the operation's. Null sends none. */
  action?: string | null;
  headers?: Record<string, string>;
}

/** POSTs a SOAP request the way a well-behaved client does for its version. */
export async function postSoap(url: string, operation: OperationName | null, xml: string, options: PostOptions = {}): Promise<Answer> {
  const version = options.version ?? '1.1';
  const action = options.action === undefined ? (operation === null ? null : OPERATIONS[operation].soapAction) : options.action;
  const headers: Record<string, string> =
    version === '1.1'
      ? { 'Content-Type': 'text/xml; charset=utf-8', ...(action === null ? {} : { SOAPAction: `"${action}"` }) }
      : { 'Content-Type': `application/soap+xml; charset=utf-8${action === null ? '' : `; action="${action}"`}` };
  return post(url, xml, { ...headers, ...options.headers });
}

export async function post(url: string, body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', body, headers });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text(), headers: response.headers };
}

const reader = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  // Decodes character references such as &#xD; (the option also covers numeric ones).
  htmlEntities: true,
  isArray: (name) => name === 'ChatMessage',
});

export type Node = Record<string, unknown>;

/** The parts of a SOAP answer, prefixes dropped: header blocks, the body's first element, or the fault. */
export interface ReadAnswer {
  headers: Node;
  body: Node;
  fault: { code: string; subcode: string | undefined; reason: string } | undefined;
}

export function readAnswer(text: string): ReadAnswer {
  const root = reader.parse(text) as Node;
  const env = root['Envelope'] as Node;
  const body = (env['Body'] ?? {}) as Node;
  const fault = body['Fault'] as Node | undefined;
  return {
    headers: (env['Header'] ?? {}) as Node,
    body,
    fault: fault === undefined ? undefined : readFault(fault),
  };
}

function readFault(fault: Node): { code: string; subcode: string | undefined; reason: string } {
  if ('faultcode' in fault) {
    return { code: textOf(fault['faultcode']), subcode: undefined, reason: textOf(fault['faultstring']) };
  }
  const code = fault['Code'] as Node;
  const subcode = code['Subcode'] as Node | undefined;
  return { code: textOf(code['Value']), subcode: subcode === undefined ? undefined : textOf(subcode['Value']), reason: textOf((fault['Reason'] as Node)['Text']) };
}

export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node !== null && typeof node === 'object' && '#text' in node) return String((node as Node)['#text']);
  return '';
}

/** The ChatMessage elements of a response (Response of AddChatMessage, or Response/ChatMessage of GetChatMessages). */
export function messagesOf(answer: ReadAnswer, operation: OperationName): Node[] {
  const response = (answer.body[OPERATIONS[operation].responseElement] as Node)['Response'];
  if (operation === 'AddChatMessage') return [response as Node];
  return typeof response === 'object' && response !== null ? (((response as Node)['ChatMessage'] ?? []) as Node[]) : [];
}

/** The fields of a response ChatMessage as texts, nil as null, in document order. */
export function fieldsOf(message: Node): [string, string | null][] {
  return Object.entries(message)
    .filter(([name]) => !name.startsWith('@') && name !== '#text')
    .map(([name, value]) => [name, typeof value === 'object' && value !== null && (value as Node)['@nil'] === 'true' ? null : textOf(value)]);
}
