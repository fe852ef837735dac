<?php
// The php-soap client stack (PHP's SoapClient), following test/interop/CLIENTS.md.
// SoapClient sends SOAP 1.2 when asked to even though both WSDLs bind SOAP 1.1 only, so every combination runs
// and the "unsupported" answer (exit code 3) is never needed.
const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services88';
const FIELDS = ['ChatMessageId', 'ChatSessionId', 'Type', 'Message', 'Author', 'ReadByCustomer', 'SpecialType', 'SpecialParam', 'WhenPosted'];

// Any failure goes to standard error with a non-zero exit code, never onto standard output (where php-cli may
// print an uncaught exception, depending on display_errors).
set_exception_handler(function (Throwable $error): void {
    fwrite(STDERR, get_class($error) . ': ' . $error->getMessage() . "\n");
    exit(1);
});

$args = [];
for ($i = 1; $i < count($argv); $i += 2) {
    $args[substr($argv[$i], 2)] = $argv[$i + 1] ?? '';
}
foreach (['wsdl', 'address', 'fault-address', 'soap', 'token', 'ticket', 'session', 'agent-ticket', 'other-ticket'] as $name) {
    if (!isset($args[$name])) {
        fwrite(STDERR, "--$name is required\n");
        exit(2);
    }
}
if (!in_array($args['soap'], ['1.1', '1.2'], true)) {
    fwrite(STDERR, "--soap must be 1.1 or 1.2\n");
    exit(2);
}

function client(string $wsdl, string $address, string $soap): SoapClient {
    return new SoapClient($wsdl, [
        'location' => $address,
        'soap_version' => $soap === '1.2' ? SOAP_1_2 : SOAP_1_1,
        'trace' => true,
        'exceptions' => true,
        'cache_wsdl' => WSDL_CACHE_NONE,
        // Without it, a single ChatMessage comes back as an object rather than a list of one.
        'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
    ]);
}

// The WSDL declares both as soap:header, so SoapClient encodes them by their schema types:
// <ns1:ApplicationToken>..</ns1:ApplicationToken><ns1:Credentials><ns1:Ticket>..</ns1:Ticket></ns1:Credentials>.
function headers(string $token, string $ticket): array {
    return [new SoapHeader(NS, 'ApplicationToken', $token), new SoapHeader(NS, 'Credentials', ['Ticket' => $ticket])];
}

// xs:dateTime comes back as the string on the wire; the emulator answers in UTC, with a Z, and that string is kept.
// Another offset is moved to UTC, copying the fraction rather than formatting it with 'u', so that no digit is
// dropped or invented.
function utc(?string $value): ?string {
    if ($value === null || str_ends_with($value, 'Z')) {
        return $value;
    }
    preg_match('/\.\d+/', $value, $fraction);
    return (new DateTimeImmutable($value))->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d\TH:i:s') . ($fraction[0] ?? '') . 'Z';
}

function message(object $m): array {
    $out = [];
    foreach (FIELDS as $field) {
        // A nil element (SpecialParam) comes back as null; xs:int and xs:short come back as PHP ints.
        $out[$field] = $m->$field ?? null;
    }
    $out['WhenPosted'] = utc($out['WhenPosted']);
    return $out;
}

$session = (int) $args['session'];
$chat = client($args['wsdl'], $args['address'], $args['soap']);
$valid = headers($args['token'], $args['ticket']);
$invalid = headers($args['token'], 'invalid-ticket');
$get = [['ChatSessionId' => $session, 'After' => 0]];

// 1. WhenPosted is given as a string: SoapClient writes a string for xs:dateTime as it is, whereas an int
// timestamp would lose the fraction and the offset.
$added = $chat->__soapCall('AddChatMessage', [[
    'ChatSessionId' => $session,
    'Message' => ['Type' => 'ToUser', 'Message' => 'Hej Æøå <&> "q"', 'Author' => 'Kari Nordmann', 'ReadByCustomer' => 1,
        'SpecialType' => 'None', 'WhenPosted' => '2021-03-25T21:36:53.123456+02:00'],
]], null, $valid);

// 2.
$read = $chat->__soapCall('GetChatMessages', $get, null, $valid);

// 3. The fifth argument receives the response headers, decoded by their schema types (Succeeded as a bool).
$outputHeaders = [];
$chat->__soapCall('GetChatMessages', $get, null, $invalid, $outputHeaders);
$info = $outputHeaders['ExceptionInfo'] ?? null;

// 4. The faultcode is the text of faultcode (1.1) or Code/Value (1.2), prefix included, e.g. "s:Client".
try {
    client($args['wsdl'], $args['fault-address'], $args['soap'])->__soapCall('GetChatMessages', $get, null, $invalid);
    throw new RuntimeException('GetChatMessages with an invalid ticket at --fault-address raised no SOAP fault');
} catch (SoapFault $error) {
    $fault = ['code' => $error->faultcode, 'message' => $error->getMessage()];
}

// 5. The session flow: created by the customer's side, picked up, messages both ways, transferred, accepted,
// closed by saving the session as Finished, the transcript read.
$agent = headers($args['token'], $args['agent-ticket']);
$other = headers($args['token'], $args['other-ticket']);
$created = $chat->__soapCall('SaveChatSessionEntity', [['ChatSessionEntity' => ['ChatSessionId' => 0, 'CustomerName' => 'Anne']]], null, $valid)->Response;
$sid = $created->ChatSessionId;
$picked = $chat->__soapCall('PickUpChatSession', [['ChatSessionId' => $sid]], null, $agent)->Response;
$chat->__soapCall('AddChatMessage', [['ChatSessionId' => $sid, 'Message' => ['Type' => 'ToCustomer', 'Message' => 'How can I help?', 'Author' => 'Kari', 'ReadByCustomer' => 0, 'SpecialType' => 'None']]], null, $agent);
$chat->__soapCall('AddChatMessage', [['ChatSessionId' => $sid, 'Message' => ['Type' => 'ToUser', 'Message' => 'My order is late.', 'Author' => 'Anne', 'ReadByCustomer' => 0, 'SpecialType' => 'None']]], null, $valid);
$offered = $chat->__soapCall('TransferChatSession', [['ChatSessionId' => $sid, 'ToAssociate' => 'ola']], null, $agent)->Response;
$accepted = $chat->__soapCall('AcceptChatSessionTransfer', [['ChatSessionId' => $sid]], null, $other)->Response;
$stored = $chat->__soapCall('GetChatSessionEntity', [['ChatSessionEntityId' => $sid]], null, $other)->Response;
$stored->Status = 'Finished';
$closed = $chat->__soapCall('SaveChatSessionEntity', [['ChatSessionEntity' => $stored]], null, $other)->Response;
$transcript = $chat->__soapCall('GetChatTranscript', [['ChatSessionId' => $sid, 'Html' => false]], null, $other)->Response;
$sessionFlow = [
    'created' => ['ChatSessionId' => $created->ChatSessionId, 'Status' => $created->Status, 'CustomerName' => $created->CustomerName],
    'picked' => ['Status' => $picked->Status, 'User' => $picked->User->AssociateId],
    'offeredTo' => $offered->TransferTo->AssociateId,
    'acceptedBy' => $accepted->User->AssociateId,
    'closed' => ['Status' => $closed->Status, 'CustomerName' => $closed->CustomerName],
    'transcript' => $transcript,
];

echo json_encode([
    'stack' => 'php-soap',
    'stackVersion' => PHP_VERSION,
    'soap' => $args['soap'],
    'added' => message($added->Response),
    'read' => array_map('message', $read->Response->ChatMessage ?? []),
    'invalidTicket' => ['succeeded' => $outputHeaders['Succeeded'] ?? null, 'exceptionType' => $info->ExceptionType ?? null, 'message' => $info->Message ?? null],
    'invalidTicketFault' => $fault,
    'sessionFlow' => $sessionFlow,
], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR), "\n";
