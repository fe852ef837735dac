import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { WCF_DISPATCHER_NS } from '../../src/contract/namespaces.js';
import { envelope, getChatMessagesBody, postSoap, readAnswer, type Answer, type Node, type Version } from './soap.js';

/** A WCF dispatcher fault (DeserializationFailed, ActionNotSupported) as each SOAP version writes it. */
export function expectDispatcherFault(answer: Answer, version: Version, subcode: string, reasonIncludes: readonly string[]): void {
  expect(answer.status).to.equal(500);
  const fault = readAnswer(answer.text).fault;
  if (version === '1.1') {
    expect(answer.text).to.include(`<faultcode xmlns:a="${WCF_DISPATCHER_NS}">a:${subcode}</faultcode>`);
    expect(fault?.code).to.equal(`a:${subcode}`);
  } else {
    expect(fault?.code).to.equal('s:Sender');
    expect(answer.text).to.include(`<s:Subcode><s:Value xmlns:a="${WCF_DISPATCHER_NS}">a:${subcode}</s:Value></s:Subcode>`);
  }
  for (const part of reasonIncludes) expect(fault?.reason).to.include(part);
}

/** An application error as the real service reports it: HTTP 200, nil Response, Succeeded=false, ExceptionInfo filled. */
export function expectExceptionInfo(answer: Answer, responseElement: string, exceptionType: string, messageIncludes: string): void {
  expect(answer.status).to.equal(200);
  const read = readAnswer(answer.text);
  expect(read.headers['Succeeded']).to.equal('false');
  const info = read.headers['ExceptionInfo'] as Node;
  expect(info['ExceptionType']).to.equal(exceptionType);
  expect(info['Message']).to.include(messageIncludes);
  expect(typeof info['FriendlyText']).to.equal('string');
  expect(info['StackTrace']).to.deep.equal({ '@nil': 'true' });
  expect((read.body[responseElement] as Node)['Response']).to.deep.equal({ '@nil': 'true' });
}

/** Asserts that a session holds exactly these message ids (read with working credentials). */
export async function expectStoredIds(url: string, session: string, ids: readonly string[], version: Version = '1.1'): Promise<void> {
  const answer = await postSoap(url, 'GetChatMessages', envelope(version, getChatMessagesBody(session, '0')), { version });
  expect(answer.status).to.equal(200);
  const response = (readAnswer(answer.text).body['GetChatMessagesResponse'] as Node)['Response'];
  const messages = typeof response === 'object' && response !== null ? ((response as Node)['ChatMessage'] as Node[] | undefined) ?? [] : [];
  expect(messages.map((m) => m['ChatMessageId'])).to.deep.equal([...ids]);
}

/** The project's own directory: an answer that names it leaks a file path. */
const PROJECT_DIRECTORY = fileURLToPath(new URL('../../..', import.meta.url));

/** No answer may carry a stack trace or a file path. */
export function expectNoInternals(text: string): void {
  expect(text).not.to.match(/\n\s+at /);
  expect(text).not.to.match(/\.(js|ts):\d+/);
  expect(text).not.to.include(PROJECT_DIRECTORY);
  expect(text).not.to.include('node_modules');
}
