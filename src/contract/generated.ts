// Generated from wsdl/Chat.wsdl and wsdl/SoPrincipal.wsdl by `npm run generate` (src/contract/generate.ts): do not edit.

import type { Instant } from './datetime.js';

/** Each operation of each service, in its WSDL order: the actions, and the local names of the body elements. */
export const WSDL_OPERATIONS = {
  Chat: {
    CreateDefaultChatTopicEntity: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/CreateDefaultChatTopicEntity',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/CreateDefaultChatTopicEntityResponse',
      requestElement: 'CreateDefaultChatTopicEntity',
      responseElement: 'CreateDefaultChatTopicEntityResponse',
    },
    SaveChatTopicEntity: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/SaveChatTopicEntity',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/SaveChatTopicEntityResponse',
      requestElement: 'SaveChatTopicEntity',
      responseElement: 'SaveChatTopicEntityResponse',
    },
    DeleteChatTopicEntity: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/DeleteChatTopicEntity',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/DeleteChatTopicEntityResponse',
      requestElement: 'DeleteChatTopicEntity',
      responseElement: 'DeleteChatTopicEntityResponse',
    },
    CreateDefaultChatTopicAgent: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/CreateDefaultChatTopicAgent',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/CreateDefaultChatTopicAgentResponse',
      requestElement: 'CreateDefaultChatTopicAgent',
      responseElement: 'CreateDefaultChatTopicAgentResponse',
    },
    CreateDefaultChatSessionEntity: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/CreateDefaultChatSessionEntity',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/CreateDefaultChatSessionEntityResponse',
      requestElement: 'CreateDefaultChatSessionEntity',
      responseElement: 'CreateDefaultChatSessionEntityResponse',
    },
    SaveChatSessionEntity: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/SaveChatSessionEntity',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/SaveChatSessionEntityResponse',
      requestElement: 'SaveChatSessionEntity',
      responseElement: 'SaveChatSessionEntityResponse',
    },
    DeleteChatSessionEntity: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/DeleteChatSessionEntity',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/DeleteChatSessionEntityResponse',
      requestElement: 'DeleteChatSessionEntity',
      responseElement: 'DeleteChatSessionEntityResponse',
    },
    GetChatPresence: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatPresence',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatPresenceResponse',
      requestElement: 'GetChatPresence',
      responseElement: 'GetChatPresenceResponse',
    },
    SaveChatPresence: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/SaveChatPresence',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/SaveChatPresenceResponse',
      requestElement: 'SaveChatPresence',
      responseElement: 'SaveChatPresenceResponse',
    },
    GetChatTopicEntity: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatTopicEntity',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatTopicEntityResponse',
      requestElement: 'GetChatTopicEntity',
      responseElement: 'GetChatTopicEntityResponse',
    },
    IsWithinOpeningHours: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/IsWithinOpeningHours',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/IsWithinOpeningHoursResponse',
      requestElement: 'IsWithinOpeningHours',
      responseElement: 'IsWithinOpeningHoursResponse',
    },
    ChatTopicsForUser: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/ChatTopicsForUser',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/ChatTopicsForUserResponse',
      requestElement: 'ChatTopicsForUser',
      responseElement: 'ChatTopicsForUserResponse',
    },
    GetUserAgentList: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetUserAgentList',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetUserAgentListResponse',
      requestElement: 'GetUserAgentList',
      responseElement: 'GetUserAgentListResponse',
    },
    GetChatTopicUserAgentList: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatTopicUserAgentList',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatTopicUserAgentListResponse',
      requestElement: 'GetChatTopicUserAgentList',
      responseElement: 'GetChatTopicUserAgentListResponse',
    },
    GetChatTopicUserAgent: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatTopicUserAgent',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatTopicUserAgentResponse',
      requestElement: 'GetChatTopicUserAgent',
      responseElement: 'GetChatTopicUserAgentResponse',
    },
    AddChatTopicUserAgent: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatTopicUserAgent',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatTopicUserAgentResponse',
      requestElement: 'AddChatTopicUserAgent',
      responseElement: 'AddChatTopicUserAgentResponse',
    },
    UpdateChatTopicUserAgent: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/UpdateChatTopicUserAgent',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/UpdateChatTopicUserAgentResponse',
      requestElement: 'UpdateChatTopicUserAgent',
      responseElement: 'UpdateChatTopicUserAgentResponse',
    },
    DeleteChatTopicUserAgent: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/DeleteChatTopicUserAgent',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/DeleteChatTopicUserAgentResponse',
      requestElement: 'DeleteChatTopicUserAgent',
      responseElement: 'DeleteChatTopicUserAgentResponse',
    },
    GetChatSessionEntity: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatSessionEntity',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatSessionEntityResponse',
      requestElement: 'GetChatSessionEntity',
      responseElement: 'GetChatSessionEntityResponse',
    },
    ChatSessionsForUser: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/ChatSessionsForUser',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/ChatSessionsForUserResponse',
      requestElement: 'ChatSessionsForUser',
      responseElement: 'ChatSessionsForUserResponse',
    },
    TransferChatSession: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/TransferChatSession',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/TransferChatSessionResponse',
      requestElement: 'TransferChatSession',
      responseElement: 'TransferChatSessionResponse',
    },
    AcceptChatSessionTransfer: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AcceptChatSessionTransfer',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AcceptChatSessionTransferResponse',
      requestElement: 'AcceptChatSessionTransfer',
      responseElement: 'AcceptChatSessionTransferResponse',
    },
    RejectChatSessionTransfer: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/RejectChatSessionTransfer',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/RejectChatSessionTransferResponse',
      requestElement: 'RejectChatSessionTransfer',
      responseElement: 'RejectChatSessionTransferResponse',
    },
    PickUpChatSession: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/PickUpChatSession',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/PickUpChatSessionResponse',
      requestElement: 'PickUpChatSession',
      responseElement: 'PickUpChatSessionResponse',
    },
    PickUpFirstChatSession: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/PickUpFirstChatSession',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/PickUpFirstChatSessionResponse',
      requestElement: 'PickUpFirstChatSession',
      responseElement: 'PickUpFirstChatSessionResponse',
    },
    ResetChatSession: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/ResetChatSession',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/ResetChatSessionResponse',
      requestElement: 'ResetChatSession',
      responseElement: 'ResetChatSessionResponse',
    },
    GetChatTranscript: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatTranscript',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatTranscriptResponse',
      requestElement: 'GetChatTranscript',
      responseElement: 'GetChatTranscriptResponse',
    },
    GetChatMessages: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessages',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessagesResponse',
      requestElement: 'GetChatMessages',
      responseElement: 'GetChatMessagesResponse',
    },
    AddChatMessage: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessageResponse',
      requestElement: 'AddChatMessage',
      responseElement: 'AddChatMessageResponse',
    },
  },
  SoPrincipal: {
    GetSystemInfo: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/GetSystemInfo',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/GetSystemInfoResponse',
      requestElement: 'GetSystemInfo',
      responseElement: 'GetSystemInfoResponse',
    },
    AuthenticateImplicit: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateImplicit',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateImplicitResponse',
      requestElement: 'AuthenticateImplicit',
      responseElement: 'AuthenticateResponse',
    },
    AuthenticateUsernamePassword: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateUsernamePassword',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateUsernamePasswordResponse',
      requestElement: 'AuthenticateUsernamePassword',
      responseElement: 'AuthenticateResponse',
    },
    AuthenticateGeneric: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateGeneric',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateGenericResponse',
      requestElement: 'AuthenticateGeneric',
      responseElement: 'AuthenticateResponse',
    },
    AuthenticateWithAccessToken: {
      soapAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateWithAccessToken',
      responseAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateWithAccessTokenResponse',
      requestElement: 'AuthenticateWithAccessToken',
      responseElement: 'AuthenticateResponse',
    },
  },
} as const;

/* The contract types: property names are the element names, null is xsi:nil. */

export type SoCredentials = {
  Ticket: string | null;
};

export type SoTimeZone = {
  SoTimeZoneId: number;
  SoTimeZoneLocationCode: string | null;
};

export type SoExceptionInfo = {
  Message: string | null;
  StackTrace: string | null;
  FriendlyText: string | null;
  ExceptionType: string | null;
  Source: string | null;
  InnerException: SoExceptionInfo | null;
  Parameters: SoExceptionInfoParameters | null;
};

export type SoExceptionInfoParameters = readonly {
  Key: string | null;
  Value: string | null;
}[];

export type SoExtraInfo = readonly {
  Key: string | null;
  Value: string | null;
}[];

export type ChatTopicEntity = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  ChatTopicId: number;
  Name: string | null;
  Description: string | null;
  WelcomeMessage: string | null;
  Language: CustomerLanguage | null;
  LastAccept: Instant;
  SecondsPrAccept: number;
  AlertRecipient: string | null;
  AlertTemplate: ReplyTemplate | null;
  Flags: ChatTopicFlag;
  BadgeHeader: string | null;
  CustomQueueText: string | null;
  WarnNewChatSeconds: number;
  WarnManagerNewChatSeconds: number;
  TicketEnabled: boolean;
  TicketCategory: TicketCategory | null;
  TicketPriority: TicketPriority | null;
  OpeningHoursEnabled: boolean;
  OpeningHours: ChatOpeningHours | null;
  Widget: ChatWidgetSettings | null;
};

export type Carrier = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
};

export type TableRight = {
  Mask: ETableRight;
  Reason: string | null;
};

export type ETableRight = readonly ('Select' | 'Update' | 'Insert' | 'Delete' | 'Filtering' | 'RestrictedUpdate')[];

export type FieldPropertyDictionary = readonly {
  Key: string | null;
  Value: FieldProperty | null;
}[];

export type FieldProperty = {
  FieldRight: FieldRight | null;
  FieldType: string | null;
  FieldLength: number;
};

export type FieldRight = {
  Mask: EFieldRight;
  Reason: string | null;
};

export type EFieldRight = readonly ('Read' | 'Write' | 'Unused1' | 'Unused2' | 'Unused3' | 'Unused4' | 'UIHintMandatory' | 'UIHintReadOnly' | 'UndefinedValue256')[];

export type CustomerLanguage = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  Id: number;
  Value: string | null;
  Tooltip: string | null;
};

export type ReplyTemplate = {
  ReplyTemplateId: number;
  Name: string | null;
  Description: string | null;
  FolderId: number;
};

export type ChatTopicFlag = readonly ('PopupAlert' | 'EmailAlert' | 'CollectConsent' | 'UseCustomQueueMessage' | 'WidgetSizeLarge')[];

export type TicketCategory = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  Id: number;
  Value: string | null;
  Tooltip: string | null;
};

export type TicketPriority = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  Id: number;
  Value: string | null;
  Tooltip: string | null;
};

export type ChatOpeningHours = {
  TzLocation: TimeZoneData | null;
  MonEnabled: boolean;
  MonStart: Instant;
  MonStop: Instant;
  TueEnabled: boolean;
  TueStart: Instant;
  TueStop: Instant;
  WedEnabled: boolean;
  WedStart: Instant;
  WedStop: Instant;
  ThuEnabled: boolean;
  ThuStart: Instant;
  ThuStop: Instant;
  FriEnabled: boolean;
  FriStart: Instant;
  FriStop: Instant;
  SatEnabled: boolean;
  SatStart: Instant;
  SatStop: Instant;
  SunEnabled: boolean;
  SunStart: Instant;
  SunStop: Instant;
};

export type TimeZoneData = {
  TZLocationID: number;
  Name: string | null;
  TZLocationCode: string | null;
  TZLocationCities: string | null;
  IsoNumber: number;
  TimeZoneSTDRules: TimeZoneRuleDictionary | null;
  TimeZoneDSTRules: TimeZoneRuleDictionary | null;
};

export type TimeZoneRuleDictionary = readonly {
  Key: Instant;
  Value: TimeZoneRule | null;
}[];

export type TimeZoneRule = {
  TZOffset: number;
  StartRulePattern: string | null;
  EndRulePattern: string | null;
  StartDay: number;
  StartMonth: number;
  EndDay: number;
  EndMonth: number;
};

export type ChatWidgetSettings = {
  AutoFaqEnabled: boolean;
  AutoFaqCategory: KbCategory | null;
  PreFormEnabled: boolean;
  PreFormMessage: string | null;
  RequiredFields: WidgetRequiredFields;
  PostFormEnabled: boolean;
  PostFormHeader: string | null;
  PostFormMessage: string | null;
  PostTranscriptEnabled: boolean;
  LanguageIsoCode: string | null;
  Theme: WidgetTheme;
  Color: string | null;
  Font: string | null;
  ShowLogo: boolean;
  ShowAgentPhoto: boolean;
  WelcomeTitle: string | null;
  WelcomeMessage: string | null;
  OfflineHeader: string | null;
  OfflineMessage: string | null;
  OfflineFields: WidgetRequiredFields;
};

export type KbCategory = {
  KbCategoryId: number;
  Name: string | null;
  Description: string | null;
  Fullname: string | null;
  ParentId: number;
  SortOrder: number;
};

export type WidgetRequiredFields = readonly ('Name' | 'Company' | 'Subject' | 'Phone')[];

export type WidgetTheme = 'Classic' | 'Modern';

export type ChatTopicAgent = {
  TopicId: number;
  User: Associate | null;
  CanListen: boolean;
  CanRespond: boolean;
  CanManage: boolean;
  CanNotify: boolean;
};

export type Associate = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  AssociateId: number;
  Name: string | null;
  PersonId: number;
  Rank: number;
  Tooltip: string | null;
  Type: UserType;
  GroupIdx: number;
  FullName: string | null;
  FormalName: string | null;
  Deleted: boolean;
  EjUserId: number;
  UserName: string | null;
};

export type UserType = 'Unknown' | 'InternalAssociate' | 'ResourceAssociate' | 'ExternalAssociate' | 'AnonymousAssociate' | 'SystemAssociate';

export type ChatSessionEntity = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  ChatSessionId: number;
  TopicId: number;
  User: Associate | null;
  Person: Person | null;
  CustomerAlias: string | null;
  CustomerHost: string | null;
  CustomerName: string | null;
  CustomerEmail: string | null;
  CustomerPhone: string | null;
  CustomerConsented: boolean;
  CustomerCompanyName: string | null;
  Status: ChatSessionStatus;
  FirstMessage: string | null;
  LastMessage: string | null;
  WhenRequested: Instant;
  WhenStarted: Instant;
  WhenEnded: Instant;
  WhenIdle: Instant;
  WhenFetched: Instant;
  SessionKey: string | null;
  InitialQueuePos: number;
  AlertLevel: number;
  Rank: number;
  Flags: ChatSessionFlags;
  Contact: Contact | null;
  Project: Project | null;
  Sale: Sale | null;
  Ticket: Ticket | null;
  TransferTo: Associate | null;
};

export type Person = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  Position: string | null;
  PersonId: number;
  Mrmrs: string | null;
  Firstname: string | null;
  Lastname: string | null;
  MiddleName: string | null;
  Title: string | null;
  Description: string | null;
  Email: string | null;
  FullName: string | null;
  DirectPhone: string | null;
  FormalName: string | null;
  CountryId: number;
  ContactId: number;
  ContactName: string | null;
  Retired: number;
  Rank: number;
  ActiveInterests: number;
  ContactDepartment: string | null;
  ContactCountryId: number;
  ContactOrgNr: string | null;
  FaxPhone: string | null;
  MobilePhone: string | null;
  ContactPhone: string | null;
  AssociateName: string | null;
  AssociateId: number;
  UsePersonAddress: boolean;
  ContactFax: string | null;
  Kanafname: string | null;
  Kanalname: string | null;
  Post1: string | null;
  Post2: string | null;
  Post3: string | null;
  EmailName: string | null;
  ContactFullName: string | null;
  ActiveErpLinks: number;
  TicketPriorityId: number;
  SupportLanguageId: number;
  SupportAssociateId: number;
  CategoryName: string | null;
};

export type ChatSessionStatus = 'Invalid' | 'PreChatForm' | 'Faq' | 'OfflineForm' | 'InQueue' | 'CustomerLast' | 'UserLast' | 'Finished' | 'Deleted' | 'Closed' | 'RequestPosted' | 'ClosedFromQueue';

export type ChatSessionFlags = readonly ('UserIsTyping')[];

export type Contact = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  ContactId: number;
  Name: string | null;
  OrgNr: string | null;
  Department: string | null;
  URL: string | null;
  City: string | null;
  DirectPhone: string | null;
  AssociateId: number;
  CountryId: number;
  EmailAddress: string | null;
  Kananame: string | null;
  EmailAddressName: string | null;
  URLName: string | null;
  AssociateFullName: string | null;
  BusinessName: string | null;
  CategoryName: string | null;
  CountryName: string | null;
  Address: Address | null;
  FormattedAddress: string | null;
  FullName: string | null;
  IsOwnerContact: boolean;
  ActiveErpLinks: number;
};

export type Address = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  Wgs84Latitude: number;
  Wgs84Longitude: number;
  LocalizedAddress: ArrayOfArrayOfLocalizedField | null;
  Street: StructuredAddress | null;
  Postal: StructuredAddress | null;
  Formatted: string | null;
};

export type ArrayOfArrayOfLocalizedField = readonly ArrayOfLocalizedField[];

export type ArrayOfLocalizedField = readonly LocalizedField[];

export type LocalizedField = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  Name: string | null;
  Value: string | null;
  Tooltip: string | null;
  Label: string | null;
  ValueLength: number;
  AddressType: string | null;
};

export type StructuredAddress = {
  AtypeIdx: AddressType;
  Address1: string | null;
  Address2: string | null;
  Address3: string | null;
  City: string | null;
  County: string | null;
  State: string | null;
  Zipcode: string | null;
  Formatted: string | null;
};

export type AddressType = 'Unknown' | 'ContactPostalAddress' | 'ContactStreetAddress' | 'PersonPrivateAddress' | 'QuoteBillingAddress' | 'QuoteShippingAddress';

export type Project = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  ProjectId: number;
  Name: string | null;
  Description: string | null;
  URL: string | null;
  Type: string | null;
  AssociateId: number;
  AssociateFullName: string | null;
  TypeId: number;
  Updated: Instant;
  StatusId: number;
  Status: string | null;
  TextId: number;
  PublishTo: Instant;
  PublishFrom: Instant;
  IsPublished: boolean;
  URLName: string | null;
  ProjectNumber: string | null;
  ActiveErpLinks: number;
};

export type Sale = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  ContactName: string | null;
  SaleDate: Instant;
  SaleId: number;
  Probability: number;
  Title: string | null;
  Amount: number;
  Currency: string | null;
  ProjectName: string | null;
  AssociateFullName: string | null;
  Description: string | null;
  Status: SaleStatus;
  WeightedAmount: number;
  ProjectId: number;
  EarningPercent: number;
  Earning: number;
  ContactId: number;
  AssociateId: number;
  PersonId: number;
  SaleTypeId: number;
  SaleTypeName: string | null;
  PersonFullName: string | null;
  Completed: ActivityStatus;
  ActiveErpLinks: number;
  NextDueDate: Instant;
  Number: string | null;
};

export type SaleStatus = 'Unknown' | 'Open' | 'Sold' | 'Lost' | 'Stalled' | 'SaintAll';

export type ActivityStatus = 'Unknown' | 'NotStarted' | 'Started' | 'Completed';

export type Ticket = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  TicketId: number;
  Title: string | null;
  CreatedAt: Instant;
  LastChanged: Instant;
  ReadByOwner: Instant;
  ReadByCustomer: Instant;
  FirstReadByUser: Instant;
  Activate: Instant;
  ClosedAt: Instant;
  RepliedAt: Instant;
  AlertTimeout: Instant;
  Deadline: Instant;
  CreatedBy: number;
  CreatedByName: string | null;
  Author: string | null;
  OwnedBy: number;
  OwnedByName: string | null;
  Category: number;
  CategoryName: string | null;
  CategoryFullname: string | null;
  Slevel: TicketSecurityLevel;
  Priority: number;
  BaseStatus: TicketBaseStatus;
  TicketStatus: number;
  Origin: TicketOrigin;
  CustId: number;
  CustFirstname: string | null;
  CustMiddleName: string | null;
  CustLastname: string | null;
  AlertLevel: number;
  ConnectId: number;
  ReadStatus: TicketReadStatus;
  TimeToReply: number;
  RealTimeToReply: number;
  TimeToClose: number;
  RealTimeToClose: number;
  TimeSpentInternally: number;
  TimeSpentExternally: number;
  TimeSpentQueue: number;
  RealTimeSpentInternally: number;
  RealTimeSpentExternally: number;
  RealTimeSpentQueue: number;
  HasAttachment: boolean;
  NumReplies: number;
  NumMessages: number;
  FromAddress: string | null;
  CustFullname: string | null;
  TicketStatusDisplayValue: string | null;
};

export type TicketSecurityLevel = 'Unknown' | 'Internal' | 'External';

export type TicketBaseStatus = 'Unknown' | 'Active' | 'Closed' | 'Postponed' | 'Deleted' | 'Merged';

export type TicketOrigin = 'Unknown' | 'Email' | 'SMS' | 'Fax' | 'Phone' | 'Facebook' | 'Twitter' | 'Internal' | 'CustomerCentre' | 'EMarketing' | 'AutoGenerated' | 'Chat';

export type TicketReadStatus = 'Unknown' | 'Green' | 'Yellow' | 'Red';

export type ArrayOfChatPresence = readonly ChatPresence[];

export type ChatPresence = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  UserId: number;
  DisplayName: string | null;
  OngoingChats: number;
  Present: boolean;
  ChatTopics: ArrayOfint | null;
};

export type ArrayOfChatTopicEntity = readonly ChatTopicEntity[];

export type ArrayOfMDOListItem = readonly MDOListItem[];

export type MDOListItem = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  Id: number;
  Name: string | null;
  ToolTip: string | null;
  Deleted: boolean;
  Rank: number;
  Type: string | null;
  ChildItems: ArrayOfMDOListItem | null;
  IconHint: string | null;
  ColorBlock: number;
  ExtraInfo: string | null;
  StyleHint: string | null;
  FullName: string | null;
};

export type ArrayOfChatTopicAgent = readonly ChatTopicAgent[];

export type ArrayOfChatSessionEntity = readonly ChatSessionEntity[];

export type ArrayOfChatMessage = readonly ChatMessage[];

export type ChatMessage = {
  ChatMessageId: number;
  ChatSessionId: number;
  Type: ChatMessageType;
  Message: string | null;
  Author: string | null;
  ReadByCustomer: number;
  SpecialType: ChatMessageSpecialType;
  SpecialParam: string | null;
  WhenPosted: Instant;
};

export type ChatMessageType = 'Invalid' | 'ToCustomer' | 'ToUser' | 'Special';

export type ChatMessageSpecialType = 'None' | 'Welcome' | 'Url' | 'Block' | 'NewSession' | 'TransferedSession' | 'Error' | 'SessionDeleted' | 'FaqSuccessQuestion' | 'ClosedByUser' | 'ClosedByCustomer' | 'ClosedByIdle' | 'TransferRejected' | 'ReopenedByCustomer' | 'ClickedOption' | 'BotMessage' | 'Options' | 'IllegalFileType';

export type char = number;

export type duration = string;

export type guid = string;

export type ArrayOfint = readonly number[];

export type SoSystemInfoCarrier = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  License: LicenseInfo | null;
  WarningEnglish: string | null;
  WarningResource: string | null;
  BranchName: string | null;
  BuildLabel: string | null;
  AssemblyVersion: string | null;
  AccumulatedNextCheckDate: Instant;
  FileVersion: string | null;
  Description: string | null;
  DaysUntilNetServerExpiry: number;
  BuildType: NetServerBuildType;
  DatabaseVersion: number;
  IsUnicode: boolean;
  CompanyName: string | null;
  CompanyId: number;
  DatabaseType: string | null;
  DatabaseMinor: string | null;
  DatabaseName: string | null;
  IsOnTravel: boolean;
  IsSatellite: boolean;
};

export type LicenseInfo = {
  CompanyName: string | null;
  SerialNr: string | null;
  OwnerName: string | null;
  OwnerDescription: string | null;
  NextCheckDate: Instant;
  MaintenanceDate: Instant;
  AdminWarningDate: Instant;
  ExpiryDate: Instant;
  GraceDate: Instant;
  ExtraFlags: number;
  LicenseUrl: string | null;
  LicenseVersion: string | null;
  DeploymentType: number;
  ProductType: string | null;
  ProductDescription: string | null;
  ModuleLicenses: ArrayOfModuleLicense | null;
  PublicKey: SignedPublicKey | null;
  Signature: string | null;
};

export type ArrayOfModuleLicense = readonly ModuleLicense[];

export type ModuleLicense = {
  OwnerName: string | null;
  ModuleName: string | null;
  ModuleDescription: string | null;
  ModuleTooltip: string | null;
  ModuleVersion: string | null;
  LicenseType: LicenseType;
  Unrestricted: boolean;
  AllowedUserType: UserType;
  NumberOfLicenses: number;
  ExtraFlags: number;
  ExtraInfo: string | null;
  SortOrder: number;
  IsHidden: boolean;
  PrerequisiteModuleName: string | null;
  Signature: string | null;
};

export type LicenseType = 'Unknown' | 'SiteLicense' | 'SatelliteLicense' | 'UserLicense';

export type SignedPublicKey = {
  OwnerName: string | null;
  SignDate: Instant;
  ExpiryDate: Instant;
  Key: DSAParameters | null;
  Signature: string | null;
};

export type NetServerBuildType = 'Feature' | 'Stable' | 'Alpha' | 'Beta' | 'ReleaseCandidate' | 'Release';

export type SoPrincipalCarrier = {
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
  Licenses: ArrayOfGrantedModuleLicense | null;
  FullName: string | null;
  EMailAddress: string | null;
  FunctionRights: ArrayOfstring | null;
  EjUserId: number;
  EjAccessLevel: number;
  EjUserStatus: EjUserStatus;
  ProvidedCredentials: ArrayOfProvidedCredential | null;
  SecondaryGroups: ArrayOfint | null;
  DatabaseContextIdentifier: string | null;
};

export type RoleType = 'Employee' | 'ExternalUser' | 'Anonymous' | 'System';

export type ArrayOfGrantedModuleLicense = readonly GrantedModuleLicense[];

export type GrantedModuleLicense = {
  TableRight: TableRight | null;
  FieldProperties: FieldPropertyDictionary | null;
  OwnerId: number;
  OwnerName: string | null;
  OwnerDescription: string | null;
  ModuleId: number;
  Name: string | null;
  Description: string | null;
  Version: string | null;
  LicenseType: LicenseType;
  ExtraFlags: number;
  SortOrder: number;
  LicenseNumber: number;
  IsHidden: boolean;
  IsUnrestricted: boolean;
  ExpiryDate: Instant;
};

export type EjUserStatus = 'StatusNone' | 'StatusNormal' | 'StatusNotAvailable' | 'StatusDeleted' | 'StatusReadOnly' | 'StatusSpm' | 'StatusSystem';

export type ArrayOfProvidedCredential = readonly ProvidedCredential[];

export type ProvidedCredential = {
  Type: string | null;
  SearchName: string | null;
  DisplayName: string | null;
  CredentialId: number;
};

export type AuthenticationGenericData = readonly {
  Key: string | null;
  Value: string | null;
}[];

export type DSAParameters = {
  Counter: number;
  G: string | null;
  J: string | null;
  P: string | null;
  Q: string | null;
  Seed: string | null;
  Y: string | null;
};

export type ArrayOfstring = readonly string[];

/** Each operation's request: the fields of its request element. */
export interface OperationRequests {
  CreateDefaultChatTopicEntity: Record<string, never>;
  SaveChatTopicEntity: {
    ChatTopicEntity: ChatTopicEntity | null;
  };
  DeleteChatTopicEntity: {
    ChatTopicEntityId: number;
  };
  CreateDefaultChatTopicAgent: Record<string, never>;
  CreateDefaultChatSessionEntity: Record<string, never>;
  SaveChatSessionEntity: {
    ChatSessionEntity: ChatSessionEntity | null;
  };
  DeleteChatSessionEntity: {
    ChatSessionEntityId: number;
  };
  GetChatPresence: Record<string, never>;
  SaveChatPresence: {
    ChatPresence: ArrayOfChatPresence | null;
  };
  GetChatTopicEntity: {
    ChatTopicEntityId: number;
  };
  IsWithinOpeningHours: {
    ChatTopicId: number;
  };
  ChatTopicsForUser: Record<string, never>;
  GetUserAgentList: {
    Flat: boolean;
    OnlyPresent: boolean;
  };
  GetChatTopicUserAgentList: {
    ChatTopicId: number;
  };
  GetChatTopicUserAgent: {
    ChatTopicId: number;
    Username: string | null;
  };
  AddChatTopicUserAgent: {
    ChatTopicId: number;
    Useragent: ChatTopicAgent | null;
  };
  UpdateChatTopicUserAgent: {
    ChatTopicId: number;
    Username: string | null;
    Useragent: ChatTopicAgent | null;
  };
  DeleteChatTopicUserAgent: {
    ChatTopicId: number;
    Username: string | null;
  };
  GetChatSessionEntity: {
    ChatSessionEntityId: number;
  };
  ChatSessionsForUser: Record<string, never>;
  TransferChatSession: {
    ChatSessionId: number;
    ToAssociate: string | null;
  };
  AcceptChatSessionTransfer: {
    ChatSessionId: number;
  };
  RejectChatSessionTransfer: {
    ChatSessionId: number;
  };
  PickUpChatSession: {
    ChatSessionId: number;
  };
  PickUpFirstChatSession: Record<string, never>;
  ResetChatSession: {
    ChatSessionId: number;
  };
  GetChatTranscript: {
    ChatSessionId: number;
    Html: boolean;
  };
  GetChatMessages: {
    ChatSessionId: number;
    After: number;
  };
  AddChatMessage: {
    ChatSessionId: number;
    Message: ChatMessage | null;
  };
  GetSystemInfo: Record<string, never>;
  AuthenticateImplicit: Record<string, never>;
  AuthenticateUsernamePassword: {
    UserName: string | null;
    Password: string | null;
  };
  AuthenticateGeneric: {
    AuthenticationData: AuthenticationGenericData | null;
  };
  AuthenticateWithAccessToken: {
    AccessToken: string | null;
  };
}

/** Each operation's response: the fields of its response element. */
export interface OperationResponses {
  CreateDefaultChatTopicEntity: {
    Response: ChatTopicEntity | null;
  };
  SaveChatTopicEntity: {
    Response: ChatTopicEntity | null;
  };
  DeleteChatTopicEntity: Record<string, never>;
  CreateDefaultChatTopicAgent: {
    Response: ChatTopicAgent | null;
  };
  CreateDefaultChatSessionEntity: {
    Response: ChatSessionEntity | null;
  };
  SaveChatSessionEntity: {
    Response: ChatSessionEntity | null;
  };
  DeleteChatSessionEntity: Record<string, never>;
  GetChatPresence: {
    Response: ArrayOfChatPresence | null;
  };
  SaveChatPresence: Record<string, never>;
  GetChatTopicEntity: {
    Response: ChatTopicEntity | null;
  };
  IsWithinOpeningHours: {
    Response: boolean;
  };
  ChatTopicsForUser: {
    Response: ArrayOfChatTopicEntity | null;
  };
  GetUserAgentList: {
    Response: ArrayOfMDOListItem | null;
  };
  GetChatTopicUserAgentList: {
    Response: ArrayOfChatTopicAgent | null;
  };
  GetChatTopicUserAgent: {
    Response: ChatTopicAgent | null;
  };
  AddChatTopicUserAgent: {
    Response: ChatTopicAgent | null;
  };
  UpdateChatTopicUserAgent: {
    Response: ChatTopicAgent | null;
  };
  DeleteChatTopicUserAgent: Record<string, never>;
  GetChatSessionEntity: {
    Response: ChatSessionEntity | null;
  };
  ChatSessionsForUser: {
    Response: ArrayOfChatSessionEntity | null;
  };
  TransferChatSession: {
    Response: ChatSessionEntity | null;
  };
  AcceptChatSessionTransfer: {
    Response: ChatSessionEntity | null;
  };
  RejectChatSessionTransfer: {
    Response: ChatSessionEntity | null;
  };
  PickUpChatSession: {
    Response: ChatSessionEntity | null;
  };
  PickUpFirstChatSession: {
    Response: ChatSessionEntity | null;
  };
  ResetChatSession: {
    Response: ChatSessionEntity | null;
  };
  GetChatTranscript: {
    Response: string | null;
  };
  GetChatMessages: {
    Response: ArrayOfChatMessage | null;
  };
  AddChatMessage: {
    Response: ChatMessage | null;
  };
  GetSystemInfo: {
    SystemInfo: SoSystemInfoCarrier | null;
  };
  AuthenticateImplicit: {
    Response: SoPrincipalCarrier | null;
    Credentials: SoCredentials | null;
    AuthenticationSucceeded: boolean;
  };
  AuthenticateUsernamePassword: {
    Response: SoPrincipalCarrier | null;
    Credentials: SoCredentials | null;
    AuthenticationSucceeded: boolean;
  };
  AuthenticateGeneric: {
    Response: SoPrincipalCarrier | null;
    Credentials: SoCredentials | null;
    AuthenticationSucceeded: boolean;
  };
  AuthenticateWithAccessToken: {
    Response: SoPrincipalCarrier | null;
    Credentials: SoCredentials | null;
    AuthenticationSucceeded: boolean;
  };
}
