import { epochMillisecondsOf, type Instant } from '../contract/datetime.js';
import type { ChatOpeningHours, ChatPresence, ChatTopicAgent, ChatTopicEntity, MDOListItem, OperationRequests, OperationResponses } from '../contract/generated.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import { EmulatorError } from '../errors.js';
import { newRecord } from '../store/records.js';
import type { OperationContext } from './context.js';
import { associateNamed, currentUser, isAdministrator } from './people.js';

/**
 * Topics (SuperOffice's chat channels), their agents with their rights, the agents' presence, and opening hours,
 * independent of how they are called. What the documentation leaves open is decided in the README's "Topics".
 */

type Responses = OperationResponses;

/** A new, unsaved topic: id 0, every field at its default, opening hours off (always open). */
export function createDefaultChatTopicEntity(): Responses['CreateDefaultChatTopicEntity'] {
  return { Response: newRecord('topics', {}) as unknown as ChatTopicEntity };
}

/** Creates a topic (id 0: the tenant's next id) or replaces the one of its id. */
export function saveChatTopicEntity(context: OperationContext, request: OperationRequests['SaveChatTopicEntity']): Responses['SaveChatTopicEntity'] {
  const given = request.ChatTopicEntity;
  if (given === null) throw new EmulatorError('EntityNull', 'Value cannot be null. Parameter name: chatTopicEntity', 'The chat topic to save is missing.');
  if (given.ChatTopicId !== 0) knownTopic(context, given.ChatTopicId);
  // A time zone that is not known is refused now, not when a visitor asks whether the topic is open.
  if (given.OpeningHours !== null) localTime(context.clock.now(), zoneOf(given.OpeningHours));
  const topics = context.store.list(context.tenant, 'topics');
  const saved: ChatTopicEntity = given.ChatTopicId !== 0 ? given : { ...given, ChatTopicId: topics.reduce((highest, topic) => Math.max(highest, topic.ChatTopicId), 0) + 1 };
  context.store.put(context.tenant, 'topics', saved);
  return { Response: saved };
}

/** The topic, or nil for an id the tenant does not have. */
export function getChatTopicEntity(context: OperationContext, request: OperationRequests['GetChatTopicEntity']): Responses['GetChatTopicEntity'] {
  return { Response: context.store.get(context.tenant, 'topics', request.ChatTopicEntityId) ?? null };
}

/** Deletes the topic and its agents; an id the tenant does not have is nothing to delete. */
export function deleteChatTopicEntity(context: OperationContext, request: OperationRequests['DeleteChatTopicEntity']): Responses['DeleteChatTopicEntity'] {
  for (const agent of agentsOf(context, request.ChatTopicEntityId)) context.store.remove(context.tenant, 'topicAgents', agentKey(agent.TopicId, agent.User?.AssociateId ?? 0));
  context.store.remove(context.tenant, 'topics', request.ChatTopicEntityId);
  return {};
}

/** The topics the caller is a member of: an agent with at least one right. */
export function chatTopicsForUser(context: OperationContext): Responses['ChatTopicsForUser'] {
  const user = currentUser(context, 'ChatTopicsForUser');
  // "Members means that you have at least one of: Can Respond, Notifications, Listen or Manager."
  const member = (agent: ChatTopicAgent) => agent.User?.AssociateId === user.AssociateId && (agent.CanRespond || agent.CanNotify || agent.CanListen || agent.CanManage);
  const mine = new Set(context.store.list(context.tenant, 'topicAgents').filter(member).map((agent) => agent.TopicId));
  return { Response: context.store.list(context.tenant, 'topics').filter((topic) => mine.has(topic.ChatTopicId)) };
}

/** A new topic agent: no topic, no user, no rights. */
export function createDefaultChatTopicAgent(): Responses['CreateDefaultChatTopicAgent'] {
  return { Response: newRecord('topicAgents', {}) as unknown as ChatTopicAgent };
}

/** Makes an associate (named by the agent's User, by user name or id) an agent of the topic, with the agent's rights. */
export function addChatTopicUserAgent(context: OperationContext, request: OperationRequests['AddChatTopicUserAgent']): Responses['AddChatTopicUserAgent'] {
  const given = request.Useragent;
  if (given === null) throw new EmulatorError('EntityNull', 'Value cannot be null. Parameter name: useragent', 'The agent to add is missing.');
  mayManage(context, request.ChatTopicId, 'AddChatTopicUserAgent');
  const name = given.User === null ? null : (given.User.Name ?? given.User.UserName ?? String(given.User.AssociateId));
  return { Response: putAgent(context, request.ChatTopicId, name, given, 'Useragent.User') };
}

/** The topic's agent of that user name, or nil when the associate is not one of its agents. */
export function getChatTopicUserAgent(context: OperationContext, request: OperationRequests['GetChatTopicUserAgent']): Responses['GetChatTopicUserAgent'] {
  knownTopic(context, request.ChatTopicId);
  const associate = associateNamed(context, request.Username, 'Username');
  return { Response: context.store.get(context.tenant, 'topicAgents', agentKey(request.ChatTopicId, associate.AssociateId)) ?? null };
}

export function getChatTopicUserAgentList(context: OperationContext, request: OperationRequests['GetChatTopicUserAgentList']): Responses['GetChatTopicUserAgentList'] {
  knownTopic(context, request.ChatTopicId);
  return { Response: agentsOf(context, request.ChatTopicId) };
}

/** Changes the rights of the topic's agent of that user name (added if it was none). */
export function updateChatTopicUserAgent(context: OperationContext, request: OperationRequests['UpdateChatTopicUserAgent']): Responses['UpdateChatTopicUserAgent'] {
  const given = request.Useragent;
  if (given === null) throw new EmulatorError('EntityNull', 'Value cannot be null. Parameter name: useragent', 'The agent to update is missing.');
  mayManage(context, request.ChatTopicId, 'UpdateChatTopicUserAgent');
  return { Response: putAgent(context, request.ChatTopicId, request.Username, given, 'Username') };
}

export function deleteChatTopicUserAgent(context: OperationContext, request: OperationRequests['DeleteChatTopicUserAgent']): Responses['DeleteChatTopicUserAgent'] {
  mayManage(context, request.ChatTopicId, 'DeleteChatTopicUserAgent');
  const associate = associateNamed(context, request.Username, 'Username');
  context.store.remove(context.tenant, 'topicAgents', agentKey(request.ChatTopicId, associate.AssociateId));
  return {};
}

/**
 * The tenant's chat users (its associates) as list items; with OnlyPresent, those whose presence says they are
 * present. Flat lists them; otherwise they are grouped by user group ("Return flat list instead of grouping by
 * usergroup"), each group an item of its users.
 */
export function getUserAgentList(context: OperationContext, request: OperationRequests['GetUserAgentList']): Responses['GetUserAgentList'] {
  const associates = context.store.list(context.tenant, 'associates');
  const listed = request.OnlyPresent ? associates.filter((associate) => context.store.get(context.tenant, 'presence', associate.AssociateId)?.Present === true) : associates;
  const items = listed.map((associate) => ({
    item: { ...newMdoItem(), Id: associate.AssociateId, Name: associate.FullName ?? associate.Name, ToolTip: associate.Name, Type: 'associate', FullName: associate.FullName },
    group: associate.GroupIdx,
  }));
  if (request.Flat) return { Response: items.map(({ item }) => item) };
  const groups = [...new Set(items.map(({ group }) => group))];
  return { Response: groups.map((group) => ({ ...newMdoItem(), Id: group, Name: `Group ${group}`, Type: 'usergroup', ChildItems: items.filter((entry) => entry.group === group).map(({ item }) => item) })) };
}

function newMdoItem(): MDOListItem {
  return { TableRight: null, FieldProperties: null, Id: 0, Name: null, ToolTip: null, Deleted: false, Rank: 0, Type: null, ChildItems: [], IconHint: null, ColorBlock: 0, ExtraInfo: null, StyleHint: null, FullName: null };
}

/** Every associate's presence: as saved (present or not), the sessions they have now, and the topics they are an agent of. */
export function getChatPresence(context: OperationContext): Responses['GetChatPresence'] {
  return { Response: context.store.list(context.tenant, 'associates').map((associate) => presenceOf(context, associate.AssociateId, associate.FullName ?? associate.Name)) };
}

/** Stores each agent's presence: whether they are present (the rest is counted, not stored). */
export function saveChatPresence(context: OperationContext, request: OperationRequests['SaveChatPresence']): Responses['SaveChatPresence'] {
  for (const presence of request.ChatPresence ?? []) context.store.put(context.tenant, 'presence', presence);
  return {};
}

/** Whether the topic is open now, by its opening hours in its time zone, on the emulator's clock; always, with them off. */
export function isWithinOpeningHours(context: OperationContext, request: OperationRequests['IsWithinOpeningHours']): Responses['IsWithinOpeningHours'] {
  const topic = knownTopic(context, request.ChatTopicId);
  if (!topic.OpeningHoursEnabled || topic.OpeningHours === null) return { Response: true };
  return { Response: isOpen(topic.OpeningHours, context.clock.now()) };
}

/**
 * Is the user a member of the topic: "at least one of: Can Respond, Notifications, Listen or Manager". A topic the
 * tenant does not have (a session's TopicId 0) has every user as a member.
 */
export function isMember(context: OperationContext, topicId: number, user: SoPrincipalCarrier): boolean {
  if (context.store.get(context.tenant, 'topics', topicId) === undefined) return true;
  const agent = context.store.get(context.tenant, 'topicAgents', agentKey(topicId, user.AssociateId));
  return agent !== undefined && (agent.CanRespond || agent.CanNotify || agent.CanListen || agent.CanManage);
}

/** May the caller pick up a session of this topic: a topic the tenant does not have takes anyone, otherwise its agents who may respond. */
export function mayRespond(context: OperationContext, topicId: number, user: SoPrincipalCarrier): boolean {
  if (context.store.get(context.tenant, 'topics', topicId) === undefined) return true;
  return context.store.get(context.tenant, 'topicAgents', agentKey(topicId, user.AssociateId))?.CanRespond === true;
}

function presenceOf(context: OperationContext, userId: number, displayName: string | null): ChatPresence {
  const saved = context.store.get(context.tenant, 'presence', userId);
  const ongoing = context.store.list(context.tenant, 'sessions').filter((session) => session.User?.AssociateId === userId && (session.Status === 'UserLast' || session.Status === 'CustomerLast'));
  const topics = context.store.list(context.tenant, 'topicAgents').filter((agent) => agent.User?.AssociateId === userId).map((agent) => agent.TopicId);
  return {
    TableRight: null,
    FieldProperties: null,
    UserId: userId,
    DisplayName: saved?.DisplayName ?? displayName,
    OngoingChats: ongoing.length,
    Present: saved?.Present ?? false,
    ChatTopics: topics,
  };
}

function putAgent(context: OperationContext, topicId: number, userName: string | null, given: ChatTopicAgent, field: string): ChatTopicAgent {
  knownTopic(context, topicId);
  const associate = associateNamed(context, userName, field);
  const agent: ChatTopicAgent = { ...given, TopicId: topicId, User: associate };
  context.store.put(context.tenant, 'topicAgents', agent);
  return agent;
}

function agentsOf(context: OperationContext, topicId: number): ChatTopicAgent[] {
  return context.store.list(context.tenant, 'topicAgents').filter((agent) => agent.TopicId === topicId);
}

/** A topic agent's key in the store: the topic and the associate (see COLLECTIONS). */
function agentKey(topicId: number, associateId: number): string {
  return `${topicId}/${associateId}`;
}

function knownTopic(context: OperationContext, topicId: number): ChatTopicEntity {
  const topic = context.store.get(context.tenant, 'topics', topicId);
  if (topic === undefined) throw new EmulatorError('TopicUnknown', `Chat topic ${topicId} does not exist in tenant '${context.tenant}'.`, 'The chat topic was not found.');
  return topic;
}

/** Managing a topic's agents takes CanManage in the topic, or an administrator. */
function mayManage(context: OperationContext, topicId: number, operation: string): void {
  knownTopic(context, topicId);
  const user = context.user;
  if (isAdministrator(user)) return;
  if (user !== null && context.store.get(context.tenant, 'topicAgents', agentKey(topicId, user.AssociateId))?.CanManage === true) return;
  throw new EmulatorError(
    'NotAllowed',
    `${operation}: ${user?.Associate ?? ''} (${user?.AssociateId ?? 0}) may not manage the agents of chat topic ${topicId}: that takes CanManage in the topic, or an administrator (the functional right admin-all).`,
    'You may not manage the agents of this chat topic.',
  );
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/**
 * Open when today's hours are enabled and the local time of day is from Start up to Stop. A start or stop is a
 * DateTime of which the time of day counts, as written (in UTC, as the emulator keeps it); the topic's time zone
 * (TzLocation's TZLocationCode or Name, an IANA name such as Europe/Oslo, with its summer time) gives the local
 * day and time of now. Without a zone the emulator takes UTC.
 */
function isOpen(hours: ChatOpeningHours, now: Instant): boolean {
  const local = localTime(now, zoneOf(hours));
  const day = WEEKDAYS[local.weekday] as (typeof WEEKDAYS)[number];
  if (!hours[`${day}Enabled`]) return false;
  const minute = local.minuteOfDay;
  return minuteOfDay(hours[`${day}Start`]) <= minute && minute < minuteOfDay(hours[`${day}Stop`]);
}

function zoneOf(hours: ChatOpeningHours): string | null {
  const zone = hours.TzLocation?.TZLocationCode ?? hours.TzLocation?.Name ?? null;
  return zone === null || zone.trim() === '' ? null : zone.trim();
}

function minuteOfDay(value: Instant): number {
  const date = new Date(epochMillisecondsOf(value));
  return date.getUTCHours() * 60 + date.getUTCMinutes();
}

function localTime(now: Instant, zone: string | null): { weekday: number; minuteOfDay: number } {
  const ms = epochMillisecondsOf(now);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone: zone ?? 'UTC', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  } catch {
    throw new EmulatorError('InvalidArgument', `The chat topic's time zone '${zone ?? ''}' is not known: give an IANA name such as Europe/Oslo in OpeningHours/TzLocation/TZLocationCode.`, 'The chat topic has an unknown time zone.');
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: WEEKDAYS.indexOf(part('weekday') as (typeof WEEKDAYS)[number]), minuteOfDay: Number(part('hour')) * 60 + Number(part('minute')) };
}
