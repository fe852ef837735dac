#!/usr/bin/env python3
"""The python3-zeep client stack, following test/interop/CLIENTS.md."""
import argparse
import datetime
import json
import sys

import zeep
from zeep.exceptions import Fault

NS = 'http://www.superoffice.net/ws/crm/NetServer/Services88'
FIELDS = ['ChatMessageId', 'ChatSessionId', 'Type', 'Message', 'Author', 'ReadByCustomer', 'SpecialType', 'SpecialParam', 'WhenPosted']

parser = argparse.ArgumentParser()
for name in ['wsdl', 'address', 'fault-address', 'soap', 'token', 'ticket', 'session', 'agent-ticket', 'other-ticket']:
    parser.add_argument('--' + name, required=True)
args = parser.parse_args()

client = zeep.Client(args.wsdl)
binding = client.wsdl.bindings['{%s}BasicHttpBinding_Chat' % NS]
if args.soap == '1.2':
    # zeep takes the SOAP version from the WSDL's binding and has no option to change it: it builds a
    # Soap12Binding only for a wsdl:binding holding a soap12:binding element (Soap12Binding.match).
    print(json.dumps({'unsupported': 'zeep sends the SOAP version of the WSDL binding, and this WSDL binds SOAP 1.1 only: '
                      'zeep built a %s for BasicHttpBinding_Chat (it builds a Soap12Binding only for a soap12:binding)'
                      % type(binding).__name__}))
    sys.exit(3)


def service(address):
    return client.create_service('{%s}BasicHttpBinding_Chat' % NS, address)


def headers(ticket):
    return {'ApplicationToken': args.token, 'Credentials': {'Ticket': ticket}}


def utc(value):
    # zeep returns xs:dateTime as a datetime with microseconds (it drops the 7th digit).
    return value.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.%fZ') if value is not None else None


def message(m):
    return {field: (utc(m[field]) if field == 'WhenPosted' else m[field]) for field in FIELDS}


session = int(args.session)
chat = service(args.address)
when = datetime.datetime(2021, 3, 25, 21, 36, 53, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
added = chat.AddChatMessage(ChatSessionId=session, Message={
    'Type': 'ToUser', 'Message': 'Hej Æøå <&> "q"', 'Author': 'Kari Nordmann',
    'ReadByCustomer': 1, 'SpecialType': 'None', 'WhenPosted': when,
}, _soapheaders=headers(args.ticket))
read = chat.GetChatMessages(ChatSessionId=session, After=0, _soapheaders=headers(args.ticket))
invalid = chat.GetChatMessages(ChatSessionId=session, After=0, _soapheaders=headers('invalid-ticket'))
info = invalid.header.ExceptionInfo
try:
    service(args.fault_address).GetChatMessages(ChatSessionId=session, After=0, _soapheaders=headers('invalid-ticket'))
    fault = {'code': None, 'message': None}
except Fault as error:
    fault = {'code': error.code, 'message': error.message}

messages = read.body.Response.ChatMessage if read.body.Response is not None else []

# 5. The session flow: created by the customer's side, picked up, messages both ways, transferred, accepted,
# closed by saving the session as Finished, the transcript read.
agent, other = headers(args.agent_ticket), headers(args.other_ticket)
created = chat.SaveChatSessionEntity(ChatSessionEntity={'ChatSessionId': 0, 'CustomerName': 'Anne'}, _soapheaders=headers(args.ticket)).body.Response
sid = created.ChatSessionId
picked = chat.PickUpChatSession(ChatSessionId=sid, _soapheaders=agent).body.Response
chat.AddChatMessage(ChatSessionId=sid, Message={'Type': 'ToCustomer', 'Message': 'How can I help?', 'Author': 'Kari', 'ReadByCustomer': 0, 'SpecialType': 'None'}, _soapheaders=agent)
chat.AddChatMessage(ChatSessionId=sid, Message={'Type': 'ToUser', 'Message': 'My order is late.', 'Author': 'Anne', 'ReadByCustomer': 0, 'SpecialType': 'None'}, _soapheaders=headers(args.ticket))
offered = chat.TransferChatSession(ChatSessionId=sid, ToAssociate='ola', _soapheaders=agent).body.Response
accepted = chat.AcceptChatSessionTransfer(ChatSessionId=sid, _soapheaders=other).body.Response
stored = chat.GetChatSessionEntity(ChatSessionEntityId=sid, _soapheaders=other).body.Response
stored.Status = 'Finished'
closed = chat.SaveChatSessionEntity(ChatSessionEntity=stored, _soapheaders=other).body.Response
transcript = chat.GetChatTranscript(ChatSessionId=sid, Html=False, _soapheaders=other).body.Response
session_flow = {
    'created': {'ChatSessionId': created.ChatSessionId, 'Status': created.Status, 'CustomerName': created.CustomerName},
    'picked': {'Status': picked.Status, 'User': picked.User.AssociateId},
    'offeredTo': offered.TransferTo.AssociateId,
    'acceptedBy': accepted.User.AssociateId,
    'closed': {'Status': closed.Status, 'CustomerName': closed.CustomerName},
    'transcript': transcript,
}
print(json.dumps({
    'stack': 'python3-zeep',
    'stackVersion': zeep.__version__,
    'soap': args.soap,
    'added': message(added.body.Response),
    'read': [message(m) for m in messages],
    'invalidTicket': {'succeeded': invalid.header.Succeeded, 'exceptionType': info.ExceptionType if info else None,
                      'message': info.Message if info else None},
    'invalidTicketFault': fault,
    'sessionFlow': session_flow,
}, ensure_ascii=False))
