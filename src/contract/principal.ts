import { enumCodec, xsBoolean, xsInt, xsString } from './values.js';
import type { DataContract } from './chat-message.js';

/** SoPrincipal's types: who a login is, as AuthenticateUsernamePassword answers it. Names and values as published. */

export const USER_TYPE = {
  Unknown: 0,
  InternalAssociate: 1,
  ResourceAssociate: 2,
  ExternalAssociate: 3,
  AnonymousAssociate: 4,
  SystemAssociate: 5,
} as const;
export type UserType = keyof typeof USER_TYPE;

export const ROLE_TYPE = {
  Employee: 0,
  ExternalUser: 1,
  Anonymous: 2,
  System: 3,
} as const;
export type RoleType = keyof typeof ROLE_TYPE;

export const EJ_USER_STATUS = {
  StatusNone: 0,
  StatusNormal: 1,
  StatusNotAvailable: 2,
  StatusDeleted: 3,
  StatusReadOnly: 4,
  StatusSpm: 5,
  StatusSystem: 127,
} as const;
export type EjUserStatus = keyof typeof EJ_USER_STATUS;

/**
 * The simple-valued fields of SoPrincipalCarrier (its four array fields are in SO_PRINCIPAL_CARRIER_FIELDS).
 * Property names are the contract's element names; `null` is xsi:nil.
 */
export interface SoPrincipal {
  UserType: UserType;
  Associate: string | null;
  AssociateId: number;
  IsPerson: boolean;
  PersonId: number;
  CountryId: number;
  HomeCountryId: number;
  ContactId: number;
  GroupId: number;
  BusinessId: number;
  CategoryId: number;
  ContactOwner: number;
  RoleId: number;
  RoleName: string | null;
  RoleDescription: string | null;
  RoleType: RoleType;
  FullName: string | null;
  EMailAddress: string | null;
  EjUserId: number;
  EjAccessLevel: number;
  EjUserStatus: EjUserStatus;
  DatabaseContextIdentifier: string | null;
}

const int = { codec: xsInt, nillable: false, whenAbsent: 0 } as const;
const string = { codec: xsString, nillable: true, whenAbsent: null } as const;

export const SO_PRINCIPAL_CONTRACT: DataContract<SoPrincipal> = {
  UserType: { codec: enumCodec('UserType', USER_TYPE), nillable: false, whenAbsent: 'Unknown' },
  Associate: string,
  AssociateId: int,
  IsPerson: { codec: xsBoolean, nillable: false, whenAbsent: false },
  PersonId: int,
  CountryId: int,
  HomeCountryId: int,
  ContactId: int,
  GroupId: int,
  BusinessId: int,
  CategoryId: int,
  ContactOwner: int,
  RoleId: int,
  RoleName: string,
  RoleDescription: string,
  RoleType: { codec: enumCodec('RoleType', ROLE_TYPE), nillable: false, whenAbsent: 'Employee' },
  FullName: string,
  EMailAddress: string,
  EjUserId: int,
  EjAccessLevel: int,
  EjUserStatus: { codec: enumCodec('EjUserStatus', EJ_USER_STATUS), nillable: false, whenAbsent: 'StatusNone' },
  DatabaseContextIdentifier: string,
};

/**
 * The arrays of SoPrincipalCarrier. The emulator answers Licenses and ProvidedCredentials empty;
 * FunctionRights and SecondaryGroups come from the fixture user. Their items are in WCF's Arrays namespace.
 */
export interface SoPrincipalArrays {
  FunctionRights: readonly string[];
  SecondaryGroups: readonly number[];
}

export type SoPrincipalCarrier = SoPrincipal & SoPrincipalArrays;

/** The SoPrincipalCarrier sequence, in contract order. */
export const SO_PRINCIPAL_CARRIER_FIELDS = [
  'UserType',
  'Associate',
  'AssociateId',
  'IsPerson',
  'PersonId',
  'CountryId',
  'HomeCountryId',
  'ContactId',
  'GroupId',
  'BusinessId',
  'CategoryId',
  'ContactOwner',
  'RoleId',
  'RoleName',
  'RoleDescription',
  'RoleType',
  'Licenses',
  'FullName',
  'EMailAddress',
  'FunctionRights',
  'EjUserId',
  'EjAccessLevel',
  'EjUserStatus',
  'ProvidedCredentials',
  'SecondaryGroups',
  'DatabaseContextIdentifier',
] as const;
