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
for name in ['wsdl', 'address', 'fault-address', 'soap', 'token', 'ticket', 'session']:
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
print(json.dumps({
    'stack': 'python3-zeep',
    'stackVersion': zeep.__version__,
    'soap': args.soap,
    'added': message(added.body.Response),
    'read': [message(m) for m in messages],
    'invalidTicket': {'succeeded': invalid.header.Succeeded, 'exceptionType': info.ExceptionType if info else None,
                      'message': info.Message if info else None},
    'invalidTicketFault': fault,
}, ensure_ascii=False))
