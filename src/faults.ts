import type { AcquireOperation } from './acquire/operations.js';
import type { OperationName } from './contract/operations.js';
import type { TenantId } from './store/chat-store.js';

/** What an injected fault does instead of the normal answer (after its delay, if any). */
export type FaultAction =
  | { readonly kind: 'exceptionInfo'; readonly exceptionType: string; readonly message: string; readonly friendlyText: string }
  | { readonly kind: 'soapFault'; readonly code: 'Client' | 'Server'; readonly message: string }
  | { readonly kind: 'httpStatus'; readonly status: number }
  /** Close the connection without an answer. */
  | { readonly kind: 'drop' }
  /** Send the headers and half of the normal answer, then close the connection. */
  | { readonly kind: 'truncate' }
  /** Only the delay: then the normal answer. */
  | { readonly kind: 'delayOnly' };

export interface FaultSpec {
  /** Only calls to this tenant; any tenant when absent. */
  readonly tenant?: TenantId;
  /** Only calls of this operation; any operation when absent. */
  readonly operation?: OperationName | AcquireOperation;
  /** How many matching calls it applies to. */
  readonly times: number;
  readonly delayMs: number;
  readonly action: FaultAction;
}

export interface InjectedFault extends FaultSpec {
  readonly id: number;
  /** Matching calls it still applies to. */
  readonly remaining: number;
}

/** Faults injected for the next matching calls, applied in the order they were injected. */
export class FaultInjector {
  private faults: { spec: FaultSpec; id: number; remaining: number }[] = [];
  private nextId = 1;

  add(spec: FaultSpec): InjectedFault {
    const fault = { spec, id: this.nextId, remaining: spec.times };
    this.nextId += 1;
    this.faults.push(fault);
    return view(fault);
  }

  /** The first fault that matches this call, counted as used; undefined if none. */
  take(tenant: TenantId, operation: OperationName | AcquireOperation): FaultSpec | undefined {
    // Every request asks; almost always there is nothing injected.
    if (this.faults.length === 0) return undefined;
    const index = this.faults.findIndex(({ spec }) => (spec.tenant === undefined || spec.tenant === tenant) && (spec.operation === undefined || spec.operation === operation));
    const fault = this.faults[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(index, 1);
    return fault.spec;
  }

  list(): InjectedFault[] {
    return this.faults.map(view);
  }

  /** Forgets every fault, or those that only apply to one tenant. */
  clear(tenant?: TenantId): void {
    this.faults = tenant === undefined ? [] : this.faults.filter(({ spec }) => spec.tenant !== tenant);
  }
}

function view({ spec, id, remaining }: { spec: FaultSpec; id: number; remaining: number }): InjectedFault {
  return { id, ...spec, remaining };
}
