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

/** Each enum's names and their values, in contract order (a flags enum's values are its bits). */
export const ENUM_VALUES = {
  ETableRight: { Select: 1, Update: 2, Insert: 4, Delete: 8, Filtering: 16, RestrictedUpdate: 32 },
  EFieldRight: { Read: 1, Write: 2, Unused1: 4, Unused2: 8, Unused3: 16, Unused4: 32, UIHintMandatory: 64, UIHintReadOnly: 128, UndefinedValue256: 256 },
  ChatTopicFlag: { PopupAlert: 1, EmailAlert: 2, CollectConsent: 4, UseCustomQueueMessage: 8, WidgetSizeLarge: 16 },
  WidgetRequiredFields: { Name: 1, Company: 2, Subject: 4, Phone: 8 },
  WidgetTheme: { Classic: 0, Modern: 1 },
  UserType: { Unknown: 0, InternalAssociate: 1, ResourceAssociate: 2, ExternalAssociate: 3, AnonymousAssociate: 4, SystemAssociate: 5 },
  ChatSessionStatus: { Invalid: 0, PreChatForm: 1, Faq: 2, OfflineForm: 3, InQueue: 4, CustomerLast: 5, UserLast: 6, Finished: 7, Deleted: 8, Closed: 9, RequestPosted: 10, ClosedFromQueue: 11 },
  ChatSessionFlags: { UserIsTyping: 1 },
  AddressType: { Unknown: 0, ContactPostalAddress: 1, ContactStreetAddress: 2, PersonPrivateAddress: 16387, QuoteBillingAddress: 8196, QuoteShippingAddress: 8197 },
  SaleStatus: { Unknown: 0, Open: 1, Sold: 2, Lost: 3, Stalled: 4, SaintAll: 1000 },
  ActivityStatus: { Unknown: 0, NotStarted: 1, Started: 2, Completed: 3 },
  TicketSecurityLevel: { Unknown: 0, Internal: 1, External: 2 },
  TicketBaseStatus: { Unknown: 0, Active: 1, Closed: 2, Postponed: 3, Deleted: 4, Merged: 5 },
  TicketOrigin: { Unknown: 0, Email: 1, SMS: 2, Fax: 3, Phone: 4, Facebook: 5, Twitter: 6, Internal: 7, CustomerCentre: 8, EMarketing: 9, AutoGenerated: 10, Chat: 11 },
  TicketReadStatus: { Unknown: 0, Green: 1, Yellow: 2, Red: 3 },
  ChatMessageType: { Invalid: 0, ToCustomer: 1, ToUser: 2, Special: 3 },
  ChatMessageSpecialType: { None: 0, Welcome: 1, Url: 2, Block: 3, NewSession: 5, TransferedSession: 6, Error: 7, SessionDeleted: 8, FaqSuccessQuestion: 9, ClosedByUser: 10, ClosedByCustomer: 11, ClosedByIdle: 12, TransferRejected: 13, ReopenedByCustomer: 14, ClickedOption: 15, BotMessage: 16, Options: 17, IllegalFileType: 18 },
  LicenseType: { Unknown: 0, SiteLicense: 1, SatelliteLicense: 2, UserLicense: 3 },
  NetServerBuildType: { Feature: 0, Stable: 1, Alpha: 2, Beta: 3, ReleaseCandidate: 4, Release: 5 },
  RoleType: { Employee: 0, ExternalUser: 1, Anonymous: 2, System: 3 },
  EjUserStatus: { StatusNone: 0, StatusNormal: 1, StatusNotAvailable: 2, StatusDeleted: 3, StatusReadOnly: 4, StatusSpm: 5, StatusSystem: 127 },
} as const;

/** Each record type's elements, in contract order: its base type's first. */
export const TYPE_FIELDS = {
  SoCredentials: ['Ticket'],
  SoTimeZone: ['SoTimeZoneId', 'SoTimeZoneLocationCode'],
  SoExceptionInfo: ['Message', 'StackTrace', 'FriendlyText', 'ExceptionType', 'Source', 'InnerException', 'Parameters'],
  ChatTopicEntity: ['TableRight', 'FieldProperties', 'ChatTopicId', 'Name', 'Description', 'WelcomeMessage', 'Language', 'LastAccept', 'SecondsPrAccept', 'AlertRecipient', 'AlertTemplate', 'Flags', 'BadgeHeader', 'CustomQueueText', 'WarnNewChatSeconds', 'WarnManagerNewChatSeconds', 'TicketEnabled', 'TicketCategory', 'TicketPriority', 'OpeningHoursEnabled', 'OpeningHours', 'Widget'],
  Carrier: ['TableRight', 'FieldProperties'],
  TableRight: ['Mask', 'Reason'],
  FieldProperty: ['FieldRight', 'FieldType', 'FieldLength'],
  FieldRight: ['Mask', 'Reason'],
  CustomerLanguage: ['TableRight', 'FieldProperties', 'Id', 'Value', 'Tooltip'],
  ReplyTemplate: ['ReplyTemplateId', 'Name', 'Description', 'FolderId'],
  TicketCategory: ['TableRight', 'FieldProperties', 'Id', 'Value', 'Tooltip'],
  TicketPriority: ['TableRight', 'FieldProperties', 'Id', 'Value', 'Tooltip'],
  ChatOpeningHours: ['TzLocation', 'MonEnabled', 'MonStart', 'MonStop', 'TueEnabled', 'TueStart', 'TueStop', 'WedEnabled', 'WedStart', 'WedStop', 'ThuEnabled', 'ThuStart', 'ThuStop', 'FriEnabled', 'FriStart', 'FriStop', 'SatEnabled', 'SatStart', 'SatStop', 'SunEnabled', 'SunStart', 'SunStop'],
  TimeZoneData: ['TZLocationID', 'Name', 'TZLocationCode', 'TZLocationCities', 'IsoNumber', 'TimeZoneSTDRules', 'TimeZoneDSTRules'],
  TimeZoneRule: ['TZOffset', 'StartRulePattern', 'EndRulePattern', 'StartDay', 'StartMonth', 'EndDay', 'EndMonth'],
  ChatWidgetSettings: ['AutoFaqEnabled', 'AutoFaqCategory', 'PreFormEnabled', 'PreFormMessage', 'RequiredFields', 'PostFormEnabled', 'PostFormHeader', 'PostFormMessage', 'PostTranscriptEnabled', 'LanguageIsoCode', 'Theme', 'Color', 'Font', 'ShowLogo', 'ShowAgentPhoto', 'WelcomeTitle', 'WelcomeMessage', 'OfflineHeader', 'OfflineMessage', 'OfflineFields'],
  KbCategory: ['KbCategoryId', 'Name', 'Description', 'Fullname', 'ParentId', 'SortOrder'],
  ChatTopicAgent: ['TopicId', 'User', 'CanListen', 'CanRespond', 'CanManage', 'CanNotify'],
  Associate: ['TableRight', 'FieldProperties', 'AssociateId', 'Name', 'PersonId', 'Rank', 'Tooltip', 'Type', 'GroupIdx', 'FullName', 'FormalName', 'Deleted', 'EjUserId', 'UserName'],
  ChatSessionEntity: ['TableRight', 'FieldProperties', 'ChatSessionId', 'TopicId', 'User', 'Person', 'CustomerAlias', 'CustomerHost', 'CustomerName', 'CustomerEmail', 'CustomerPhone', 'CustomerConsented', 'CustomerCompanyName', 'Status', 'FirstMessage', 'LastMessage', 'WhenRequested', 'WhenStarted', 'WhenEnded', 'WhenIdle', 'WhenFetched', 'SessionKey', 'InitialQueuePos', 'AlertLevel', 'Rank', 'Flags', 'Contact', 'Project', 'Sale', 'Ticket', 'TransferTo'],
  Person: ['TableRight', 'FieldProperties', 'Position', 'PersonId', 'Mrmrs', 'Firstname', 'Lastname', 'MiddleName', 'Title', 'Description', 'Email', 'FullName', 'DirectPhone', 'FormalName', 'CountryId', 'ContactId', 'ContactName', 'Retired', 'Rank', 'ActiveInterests', 'ContactDepartment', 'ContactCountryId', 'ContactOrgNr', 'FaxPhone', 'MobilePhone', 'ContactPhone', 'AssociateName', 'AssociateId', 'UsePersonAddress', 'ContactFax', 'Kanafname', 'Kanalname', 'Post1', 'Post2', 'Post3', 'EmailName', 'ContactFullName', 'ActiveErpLinks', 'TicketPriorityId', 'SupportLanguageId', 'SupportAssociateId', 'CategoryName'],
  Contact: ['TableRight', 'FieldProperties', 'ContactId', 'Name', 'OrgNr', 'Department', 'URL', 'City', 'DirectPhone', 'AssociateId', 'CountryId', 'EmailAddress', 'Kananame', 'EmailAddressName', 'URLName', 'AssociateFullName', 'BusinessName', 'CategoryName', 'CountryName', 'Address', 'FormattedAddress', 'FullName', 'IsOwnerContact', 'ActiveErpLinks'],
  Address: ['TableRight', 'FieldProperties', 'Wgs84Latitude', 'Wgs84Longitude', 'LocalizedAddress', 'Street', 'Postal', 'Formatted'],
  LocalizedField: ['TableRight', 'FieldProperties', 'Name', 'Value', 'Tooltip', 'Label', 'ValueLength', 'AddressType'],
  StructuredAddress: ['AtypeIdx', 'Address1', 'Address2', 'Address3', 'City', 'County', 'State', 'Zipcode', 'Formatted'],
  Project: ['TableRight', 'FieldProperties', 'ProjectId', 'Name', 'Description', 'URL', 'Type', 'AssociateId', 'AssociateFullName', 'TypeId', 'Updated', 'StatusId', 'Status', 'TextId', 'PublishTo', 'PublishFrom', 'IsPublished', 'URLName', 'ProjectNumber', 'ActiveErpLinks'],
  Sale: ['TableRight', 'FieldProperties', 'ContactName', 'SaleDate', 'SaleId', 'Probability', 'Title', 'Amount', 'Currency', 'ProjectName', 'AssociateFullName', 'Description', 'Status', 'WeightedAmount', 'ProjectId', 'EarningPercent', 'Earning', 'ContactId', 'AssociateId', 'PersonId', 'SaleTypeId', 'SaleTypeName', 'PersonFullName', 'Completed', 'ActiveErpLinks', 'NextDueDate', 'Number'],
  Ticket: ['TableRight', 'FieldProperties', 'TicketId', 'Title', 'CreatedAt', 'LastChanged', 'ReadByOwner', 'ReadByCustomer', 'FirstReadByUser', 'Activate', 'ClosedAt', 'RepliedAt', 'AlertTimeout', 'Deadline', 'CreatedBy', 'CreatedByName', 'Author', 'OwnedBy', 'OwnedByName', 'Category', 'CategoryName', 'CategoryFullname', 'Slevel', 'Priority', 'BaseStatus', 'TicketStatus', 'Origin', 'CustId', 'CustFirstname', 'CustMiddleName', 'CustLastname', 'AlertLevel', 'ConnectId', 'ReadStatus', 'TimeToReply', 'RealTimeToReply', 'TimeToClose', 'RealTimeToClose', 'TimeSpentInternally', 'TimeSpentExternally', 'TimeSpentQueue', 'RealTimeSpentInternally', 'RealTimeSpentExternally', 'RealTimeSpentQueue', 'HasAttachment', 'NumReplies', 'NumMessages', 'FromAddress', 'CustFullname', 'TicketStatusDisplayValue'],
  ChatPresence: ['TableRight', 'FieldProperties', 'UserId', 'DisplayName', 'OngoingChats', 'Present', 'ChatTopics'],
  MDOListItem: ['TableRight', 'FieldProperties', 'Id', 'Name', 'ToolTip', 'Deleted', 'Rank', 'Type', 'ChildItems', 'IconHint', 'ColorBlock', 'ExtraInfo', 'StyleHint', 'FullName'],
  ChatMessage: ['ChatMessageId', 'ChatSessionId', 'Type', 'Message', 'Author', 'ReadByCustomer', 'SpecialType', 'SpecialParam', 'WhenPosted'],
  SoSystemInfoCarrier: ['TableRight', 'FieldProperties', 'License', 'WarningEnglish', 'WarningResource', 'BranchName', 'BuildLabel', 'AssemblyVersion', 'AccumulatedNextCheckDate', 'FileVersion', 'Description', 'DaysUntilNetServerExpiry', 'BuildType', 'DatabaseVersion', 'IsUnicode', 'CompanyName', 'CompanyId', 'DatabaseType', 'DatabaseMinor', 'DatabaseName', 'IsOnTravel', 'IsSatellite'],
  LicenseInfo: ['CompanyName', 'SerialNr', 'OwnerName', 'OwnerDescription', 'NextCheckDate', 'MaintenanceDate', 'AdminWarningDate', 'ExpiryDate', 'GraceDate', 'ExtraFlags', 'LicenseUrl', 'LicenseVersion', 'DeploymentType', 'ProductType', 'ProductDescription', 'ModuleLicenses', 'PublicKey', 'Signature'],
  ModuleLicense: ['OwnerName', 'ModuleName', 'ModuleDescription', 'ModuleTooltip', 'ModuleVersion', 'LicenseType', 'Unrestricted', 'AllowedUserType', 'NumberOfLicenses', 'ExtraFlags', 'ExtraInfo', 'SortOrder', 'IsHidden', 'PrerequisiteModuleName', 'Signature'],
  SignedPublicKey: ['OwnerName', 'SignDate', 'ExpiryDate', 'Key', 'Signature'],
  SoPrincipalCarrier: ['UserType', 'Associate', 'AssociateId', 'IsPerson', 'PersonId', 'CountryId', 'HomeCountryId', 'ContactId', 'GroupId', 'BusinessId', 'CategoryId', 'ContactOwner', 'RoleId', 'RoleName', 'RoleDescription', 'RoleType', 'Licenses', 'FullName', 'EMailAddress', 'FunctionRights', 'EjUserId', 'EjAccessLevel', 'EjUserStatus', 'ProvidedCredentials', 'SecondaryGroups', 'DatabaseContextIdentifier'],
  GrantedModuleLicense: ['TableRight', 'FieldProperties', 'OwnerId', 'OwnerName', 'OwnerDescription', 'ModuleId', 'Name', 'Description', 'Version', 'LicenseType', 'ExtraFlags', 'SortOrder', 'LicenseNumber', 'IsHidden', 'IsUnrestricted', 'ExpiryDate'],
  ProvidedCredential: ['Type', 'SearchName', 'DisplayName', 'CredentialId'],
  DSAParameters: ['Counter', 'G', 'J', 'P', 'Q', 'Seed', 'Y'],
} as const;

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
