/** The XML namespaces of the contract and of the SOAP envelopes around it. */

/** Every element of the Services88 contract, body and headers, is qualified with this namespace. */
export const SERVICES88_NS = 'http://www.superoffice.net/ws/crm/NetServer/Services88';

export const SOAP11_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_ENVELOPE_NS = 'http://www.w3.org/2003/05/soap-envelope';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** WCF's dispatcher namespace: the home of its fault subcodes (DeserializationFailed, ActionNotSupported). */
export const WCF_DISPATCHER_NS = 'http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher';

export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** WCF's namespace for arrays of primitives (ArrayOfstring, ArrayOfint): their items are qualified with it. */
export const WCF_ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
