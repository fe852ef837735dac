import type { ReadContext } from '../contract/codec.js';
import { DOTNET_MIN_VALUE } from '../contract/datetime.js';
import { SERVICES88_NS } from '../contract/namespaces.js';
import type { OperationContract, OperationName } from '../contract/operations.js';
import type { TypeCodec, Value, WrittenParts } from '../contract/schema.js';
import { schemaOf } from '../contract/schemas.js';
import { clark } from '../contract/wsdl-model.js';
import { maskPassword, type JournalArguments, type JsonValue } from '../journal/journal.js';
import type { XmlElement } from '../xml.js';
import type { Requirement } from './authorize.js';
import type { OperationContext } from './context.js';
import { OPERATION_TABLE, runOperation, type OperationHandler } from './table.js';

/** A call read from its request, ready to run once the caller is authorized. */
export interface PreparedCall {
  /** What the request journal keeps of the call, to write its arguments out when it is listed (secrets masked). */
  readonly journal: JournalArguments;
  /** Runs the call and writes the content of its response element: text, or pieces with cached bytes. */
  run(context: OperationContext): string | WrittenParts;
}

/** How one operation is called over SOAP: its arguments read from the body, its result written back. */
export interface SoapBinding {
  /**
   * Reads the arguments from the request wrapper (a DeserializationFailed fault if a value is bad) and
   * returns the call to make once the caller is authorized: WCF reads the whole message before the
   * service checks the ticket, so a bad value is a fault even without a valid ticket.
   */
  prepare(wrapper: XmlElement, context: ReadContext): PreparedCall;
  /** The request element's type: what it holds, in what order. */
  readonly request: TypeCodec;
  /** What the caller must present. */
  readonly requires: Requirement;
  /** The response content of a call that failed with an application error: every result as the type's default, objects nil. */
  readonly nilResult: string;
}

const bindings = new Map<OperationName, SoapBinding>();

/**
 * How an operation is called over SOAP, made once from the contract: its request and response read and written
 * by the schema of its service's WSDL, its handler from the operation table, or, for an operation without one,
 * the "not emulated yet" application error.
 */
export function soapBindingOf(operation: OperationContract): SoapBinding {
  let binding = bindings.get(operation.name);
  if (binding === undefined) {
    binding = makeBinding(operation, OPERATION_TABLE[operation.name] as OperationHandler<OperationName> | undefined);
    bindings.set(operation.name, binding);
  }
  return binding;
}

function makeBinding(operation: OperationContract, handler: OperationHandler<OperationName> | undefined): SoapBinding {
  const schema = schemaOf(operation.service);
  const request = schema.wrapper(clark(SERVICES88_NS, operation.requestElement));
  const response = schema.wrapper(clark(SERVICES88_NS, operation.responseElement));
  const secrets = handler?.secrets ?? [];
  return {
    request,
    prepare: (wrapper, context) => new SoapCall(operation.name, request, response, request.read(wrapper, operation.requestElement, context), secrets),
    // An operation not emulated yet is authorized as its service's operations are: a ticket, or the token to log in.
    requires: handler?.requires ?? (operation.service === 'Chat' ? 'ticket' : 'applicationToken'),
    nilResult: response.write(response.read(emptyElement(operation.responseElement), operation.responseElement, NO_DATES)),
  };
}

/** An element with nothing in it: what its type reads as its defaults. */
function emptyElement(localName: string): XmlElement {
  return { localName, namespace: SERVICES88_NS, attributes: [], children: [], text: '' };
}

/** Reading an empty element parses no date: this context is never asked. */
const NO_DATES: ReadContext = { now: () => DOTNET_MIN_VALUE };

/*
 * The calls are objects of a class rather than closures: the journal keeps one for each of its entries (see
 * Journal), and a class's methods are not copied into each.
 */
class SoapCall implements PreparedCall, JournalArguments {
  readonly journal: JournalArguments;

  constructor(
    private readonly operation: OperationName,
    private readonly requestCodec: TypeCodec,
    private readonly responseCodec: TypeCodec,
    private readonly request: Value,
    secrets: readonly string[],
  ) {
    if (secrets.length === 0) {
      this.journal = this;
    } else {
      // The secrets are masked at once, apart from the request: the journal keeps no password, not even until it is listed.
      const shown = requestCodec.json(request) as Record<string, JsonValue>;
      for (const secret of secrets) shown[secret] = maskPassword(shown[secret] as string | null);
      this.journal = { journalArguments: () => shown };
    }
  }

  journalArguments(): JsonValue {
    return this.request === null ? null : this.requestCodec.json(this.request);
  }

  run(context: OperationContext): string | WrittenParts {
    const result = runOperation(context, this.operation, this.request);
    const codec = this.responseCodec;
    return codec.writeParts !== undefined ? codec.writeParts(result) : codec.write(result);
  }
}
