import { TYPE_FIELDS, type SoPrincipalCarrier as GeneratedCarrier } from './generated.js';

/**
 * Who a user is, as the emulator keeps it: SoPrincipalCarrier as SoPrincipal.wsdl declares it (generated),
 * without Licenses and ProvidedCredentials, which the emulator grants none of and answers empty.
 */
export type SoPrincipalCarrier = Omit<GeneratedCarrier, 'Licenses' | 'ProvidedCredentials'>;

/** The SoPrincipalCarrier sequence, in contract order. */
export const SO_PRINCIPAL_CARRIER_FIELDS = TYPE_FIELDS.SoPrincipalCarrier;
