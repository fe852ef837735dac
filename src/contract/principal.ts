import { TYPE_FIELDS, type SoPrincipalCarrier as GeneratedCarrier } from './generated.js';
import { SERVICES88_NS } from './namespaces.js';
import type { TypeCodec } from './schema.js';
import { schemaOf } from './schemas.js';
import { clark } from './wsdl-model.js';

/**
 * Who a user is, as the emulator keeps it: SoPrincipalCarrier as SoPrincipal.wsdl declares it (generated),
 * without Licenses and ProvidedCredentials, which the emulator grants none of and answers empty.
 */
export type SoPrincipalCarrier = Omit<GeneratedCarrier, 'Licenses' | 'ProvidedCredentials'>;

/** SoPrincipalCarrier's codec, as SoPrincipal.wsdl declares it: how fixtures, the change log and the admin API read and write a principal. */
export function principalCarrierType(): TypeCodec {
  return schemaOf('SoPrincipal').codec(clark(SERVICES88_NS, 'SoPrincipalCarrier'));
}

/** The SoPrincipalCarrier sequence, in contract order. */
export const SO_PRINCIPAL_CARRIER_FIELDS = TYPE_FIELDS.SoPrincipalCarrier;

/**
 * A principal of `associate` with every number 0, every string empty rather than nil (as the real service fills
 * them) and no rights or groups: what a fixture user or the system user is, but for what sets them apart.
 */
export function emptyPrincipal(associate: string): SoPrincipalCarrier {
  return {
    UserType: 'Unknown',
    Associate: associate,
    AssociateId: 0,
    IsPerson: false,
    PersonId: 0,
    CountryId: 0,
    HomeCountryId: 0,
    ContactId: 0,
    GroupId: 0,
    BusinessId: 0,
    CategoryId: 0,
    ContactOwner: 0,
    RoleId: 0,
    RoleName: '',
    RoleDescription: '',
    RoleType: 'Employee',
    FullName: '',
    EMailAddress: '',
    FunctionRights: [],
    EjUserId: 0,
    EjAccessLevel: 0,
    EjUserStatus: 'StatusNone',
    SecondaryGroups: [],
    DatabaseContextIdentifier: '',
  };
}
