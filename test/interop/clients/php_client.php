<?php
// The php-soap client stack (PHP's SoapClient), following test/interop/CLIENTS.md.
const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services88';
const FIELDS = ['ChatMessageId', 'ChatSessionId', 'Type', 'Message', 'Author', 'ReadByCustomer', 'SpecialType', 'SpecialParam', 'WhenPosted'];

$args = [];
for ($i = 1; $i < count($argv); $i += 2) {
    $args[substr($argv[$i], 2)] = $argv[$i + 1] ?? '';
}
foreach (['wsdl', 'address', 'fault-address', 'soap', 'token', 'ticket', 'session'] as $name) {
    if (!isset($args[$name])) {
        fwrite(STDERR, "--$name is required\n");
        exit(2);
    }
}

function client(string $address): SoapClient {
    global $args;
    return new SoapClient($args['wsdl'], [
        'location' => $address,
        // SoapClient sends the version asked for, whatever the WSDL binds.
        'soap_version' => $args['soap'] === '1.2' ? SOAP_1_2 : SOAP_1_1,
        'trace' => true,
        'exceptions' => true,
        'cache_wsdl' => WSDL_CACHE_NONE,
        // Without it, a single ChatMessage comes back as an object rather than a list of one.
        'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
    ]);
}

function headers(string $ticket): array {
    global $args;
    return [new SoapHeader(NS, 'ApplicationToken', $args['token']), new SoapHeader(NS, 'Credentials', ['Ticket' => $ticket])];
}

function message($m): array {
    $out = [];
    foreach (FIELDS as $field) {
        // SoapClient leaves out nil elements; xs:dateTime stays the string the emulator wrote, already UTC.
        $out[$field] = $m->$field ?? null;
    }
    return $out;
}

$session = (int) $args['session'];
$chat = client($args['address']);
$out = [];
$added = $chat->__soapCall('AddChatMessage', [[
    'ChatSessionId' => $session,
    'Message' => ['Type' => 'ToUser', 'Message' => 'Hej Æøå <&> "q"', 'Author' => 'Kari Nordmann', 'ReadByCustomer' => 1,
        'SpecialType' => 'None', 'WhenPosted' => '2021-03-25T21:36:53.123456+02:00'],
]], null, headers($args['ticket']), $out);
$read = $chat->__soapCall('GetChatMessages', [['ChatSessionId' => $session, 'After' => 0]], null, headers($args['ticket']), $out);
$outputHeaders = [];
$chat->__soapCall('GetChatMessages', [['ChatSessionId' => $session, 'After' => 0]], null, headers('invalid-ticket'), $outputHeaders);
$info = $outputHeaders['ExceptionInfo'] ?? null;
try {
    client($args['fault-address'])->__soapCall('GetChatMessages', [['ChatSessionId' => $session, 'After' => 0]], null, headers('invalid-ticket'));
    $fault = ['code' => null, 'message' => null];
} catch (SoapFault $error) {
    $fault = ['code' => $error->faultcode, 'message' => $error->getMessage()];
}

echo json_encode([
    'stack' => 'php-soap',
    'stackVersion' => PHP_VERSION,
    'soap' => $args['soap'],
    'added' => message($added->Response),
    'read' => array_map('message', $read->Response->ChatMessage ?? []),
    'invalidTicket' => ['succeeded' => $outputHeaders['Succeeded'] ?? null, 'exceptionType' => $info->ExceptionType ?? null, 'message' => $info->Message ?? null],
    'invalidTicketFault' => $fault,
], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
