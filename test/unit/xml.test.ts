import { expect } from 'chai';
import { attributeValue, childElement, escapeAttribute, escapeText, parseXml, XmlReadError } from '../../src/xml.js';

function readError(xml: string): XmlReadError {
  try {
    parseXml(xml);
  } catch (error) {
    expect(error).to.be.instanceOf(XmlReadError);
    return error as XmlReadError;
  }
  expect.fail(`${JSON.stringify(xml)} was accepted`);
}

describe('parseXml', () => {
  describe('namespaces', () => {
    it('resolves a prefixed element to its namespace', () => {
      const root = parseXml('<s:Envelope xmlns:s="urn:s"/>');
      expect(root.localName).to.equal('Envelope');
      expect(root.namespace).to.equal('urn:s');
    });

    it('resolves unprefixed elements to the default namespace', () => {
      const root = parseXml('<a xmlns="urn:d"><b/></a>');
      expect(root.namespace).to.equal('urn:d');
      expect(root.children[0]?.namespace).to.equal('urn:d');
    });

    it('gives unprefixed elements no namespace when there is no default namespace', () => {
      expect(parseXml('<a><b/></a>').children[0]?.namespace).to.equal('');
    });

    it('applies nested redeclarations of the default namespace and of a prefix to their subtree only', () => {
      const root = parseXml(
        '<s:E xmlns:s="urn:s" xmlns="urn:d"><B><C xmlns="urn:e"><s:D xmlns:s="urn:t"/><F/></C><s:G/></B></s:E>',
      );
      const b = root.children[0];
      const c = b?.children[0];
      expect(b?.namespace).to.equal('urn:d');
      expect(c?.namespace).to.equal('urn:e');
      expect(c?.children.map((x) => `${x.localName} ${x.namespace}`)).to.deep.equal(['D urn:t', 'F urn:e']);
      expect(b?.children[1]?.namespace).to.equal('urn:s');
    });

    it('lets xmlns="" undeclare the default namespace', () => {
      expect(parseXml('<a xmlns="urn:d"><b xmlns=""/></a>').children[0]?.namespace).to.equal('');
    });

    it('puts unprefixed attributes in no namespace, prefixed ones in theirs, and drops xmlns declarations', () => {
      const root = parseXml('<a xmlns="urn:d" xmlns:p="urn:p" x="1" p:y="2"/>');
      expect(root.attributes).to.deep.equal([
        { localName: 'x', namespace: '', value: '1' },
        { localName: 'y', namespace: 'urn:p', value: '2' },
      ]);
      expect(attributeValue(root, '', 'x')).to.equal('1');
      expect(attributeValue(root, 'urn:d', 'x')).to.equal(undefined);
      expect(attributeValue(root, 'urn:p', 'y')).to.equal('2');
    });

    it('knows the xml prefix without a declaration', () => {
      const root = parseXml('<a xml:lang="en"/>');
      expect(root.attributes).to.deep.equal([{ localName: 'lang', namespace: 'http://www.w3.org/XML/1998/namespace', value: 'en' }]);
    });
  });

  describe('text', () => {
    it('decodes the predefined entities', () => {
      expect(parseXml('<a>&lt;&gt;&amp;&quot;&apos;</a>').text).to.equal('<>&"\'');
    });

    it('decodes decimal and hexadecimal character references', () => {
      expect(parseXml('<a>&#198;</a>').text).to.equal('Æ');
      expect(parseXml('<a>&#xD;</a>').text).to.equal('\r');
      expect(parseXml('<a>&#xC6;&#65;</a>').text).to.equal('ÆA');
    });

    it('reads 101 levels of nesting, and refuses 102 as not well-formed', () => {
      const nested = (levels: number) => `${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}`;
      expect(parseXml(nested(101)).localName).to.equal('a');
      expect(() => parseXml(nested(102))).to.throw(
        XmlReadError,
        'The request body is not well-formed XML: elements are nested more than 101 levels deep (line 1, column 304).',
      );
    });

    it('decodes an escaped reference only once: &amp;#65; stays &#65;', () => {
      expect(parseXml('<a>&amp;#65;</a>').text).to.equal('&#65;');
      expect(parseXml('<a>&amp;lt;</a>').text).to.equal('&lt;');
    });

    it('decodes references in attribute values', () => {
      expect(attributeValue(parseXml('<a x="&#65;&amp;&lt;"/>'), '', 'x')).to.equal('A&<');
    });

    it('joins CDATA with the surrounding text, leaving CDATA content undecoded', () => {
      expect(parseXml('<a>x<![CDATA[<b>&amp;]]>y</a>').text).to.equal('x<b>&amp;y');
    });

    it('preserves whitespace in text', () => {
      expect(parseXml('<a>  x \n\t </a>').text).to.equal('  x \n\t ');
    });

    it('keeps text and child elements apart', () => {
      const root = parseXml('<a>x<b>inner</b>y</a>');
      expect(root.text).to.equal('xy');
      expect(root.children.map((c) => [c.localName, c.text])).to.deep.equal([['b', 'inner']]);
    });

    it('skips comments, the XML declaration and processing instructions', () => {
      const root = parseXml('<?xml version="1.0" encoding="utf-8"?><!-- c --><a>x<!-- y --><?pi z?>z</a>');
      expect(root.localName).to.equal('a');
      expect(root.text).to.equal('xz');
      expect(root.children).to.deep.equal([]);
    });
  });

  describe('malformed documents', () => {
    it('rejects an unclosed tag', () => {
      expect(readError('<a>').kind).to.equal('malformed');
      expect(readError('<a><b></a>').kind).to.equal('malformed');
    });

    it('rejects mismatched tags', () => {
      const error = readError('<a></b>');
      expect(error.kind).to.equal('malformed');
      expect(error.message).to.match(/^The request body is not well-formed XML: /);
    });

    it('rejects two root elements', () => {
      const error = readError('<a/><b/>');
      expect(error.kind).to.equal('malformed');
      expect(error.message).to.equal('The document must have exactly one root element; it has 2.');
    });

    it('rejects text before the root element', () => {
      expect(readError('x<a/>').kind).to.equal('malformed');
    });

    it('rejects an undeclared element or attribute prefix', () => {
      const element = readError('<p:a/>');
      expect(element.kind).to.equal('malformed');
      expect(element.message).to.equal("The request body is not well-formed XML: the prefix 'p' of 'p:a' is not declared.");
      const attribute = readError('<a p:x="1"/>');
      expect(attribute.kind).to.equal('malformed');
      expect(attribute.message).to.equal("The request body is not well-formed XML: the prefix 'p' of 'p:x' is not declared.");
    });

    it('rejects empty and whitespace-only input', () => {
      expect(readError('').kind).to.equal('malformed');
      expect(readError('  \n').kind).to.equal('malformed');
    });

    it('rejects a bare ampersand', () => {
      expect(readError('<a>a & b</a>').kind).to.equal('malformed');
    });

    it('is an Error named XmlReadError', () => {
      const error = readError('<a>');
      expect(error).to.be.instanceOf(Error);
      expect(error.name).to.equal('XmlReadError');
    });
  });

  describe('DTDs', () => {
    const DTD_MESSAGE = 'DTDs are prohibited in SOAP messages: the request contains a DOCTYPE declaration (line 1, column 22).';

    it('rejects a plain DOCTYPE, saying where', () => {
      const error = readError('<!DOCTYPE a><a/>');
      expect(error.kind).to.equal('dtd');
      expect(error.message).to.equal('DTDs are prohibited in SOAP messages: the request contains a DOCTYPE declaration (line 1, column 1).');
    });

    it('does not mistake a DOCTYPE inside CDATA or a comment for a DTD', () => {
      expect(parseXml('<a><![CDATA[<!DOCTYPE html>]]></a>').text).to.equal('<!DOCTYPE html>');
      expect(parseXml('<!-- <!DOCTYPE x> --><a>t</a>').text).to.equal('t');
    });

    it('rejects a DOCTYPE declaring entities before expanding anything', () => {
      const bomb = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]><a>&y;</a>';
      const error = readError(bomb);
      expect(error.kind).to.equal('dtd');
      expect(error.message).to.equal(DTD_MESSAGE);
    });

    it('rejects a lower-case <!doctype', () => {
      expect(readError('<!doctype a><a/>').kind).to.equal('dtd');
    });
  });
});

describe('childElement', () => {
  it('finds the first child by local name and namespace', () => {
    const root = parseXml('<r xmlns:p="urn:p"><b>1</b><p:b>2</p:b><p:b>3</p:b></r>');
    expect(childElement(root, 'urn:p', 'b')?.text).to.equal('2');
    expect(childElement(root, '', 'b')?.text).to.equal('1');
    expect(childElement(root, 'urn:q', 'b')).to.equal(undefined);
  });
});

describe('escapeText', () => {
  it('escapes &, < and >, and writes CR as &#xD;', () => {
    expect(escapeText('a<b>&c\r\nd')).to.equal('a&lt;b&gt;&amp;c&#xD;\nd');
  });

  it('leaves quotes, tabs, line feeds and other characters alone', () => {
    expect(escapeText('"\'\t\nÆ€😀')).to.equal('"\'\t\nÆ€😀');
  });

  it('escapes an already escaped text again', () => {
    expect(escapeText('&amp;')).to.equal('&amp;amp;');
  });
});

describe('escapeAttribute', () => {
  it('writes &, <, >, ", CR, LF and tab as hexadecimal references', () => {
    expect(escapeAttribute('a<b>&c\r\nd"e\tf')).to.equal('a&#x3C;b&#x3E;&#x26;c&#xD;&#xA;d&#x22;e&#x9;f');
  });

  it('leaves the apostrophe and other characters alone', () => {
    expect(escapeAttribute("it's http://h:1/X?y=1")).to.equal("it's http://h:1/X?y=1");
  });
});

describe('parseXml refuses what XML does not allow but the parser would let through', () => {
  it('refuses text after a self-closing root element', () => {
    const error = readError('<a/>x');
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.equal('The document must have exactly one root element; it has 1 and text outside it.');
  });

  it('allows comments, processing instructions and whitespace after the root', () => {
    expect(parseXml('<a>t</a> <!-- c --> <?pi x?>\n').text).to.equal('t');
  });

  for (const [text, reference, column] of [
    ['<a>&nbsp;</a>', '&nbsp;', 4],
    ['<a>&copy;</a>', '&copy;', 4],
    ['<a>&foo;</a>', '&foo;', 4],
    ['<a>x & y</a>', '&', 6],
  ] as const) {
    it(`refuses the undeclared reference ${reference}, saying where`, () => {
      const error = readError(text);
      expect(error.kind).to.equal('malformed');
      expect(error.message).to.equal(
        `The request body is not well-formed XML: '${reference}' is not a declared entity (line 1, column ${column}); write & as &amp;, or use a character reference such as &#198;.`,
      );
    });
  }

  it('keeps & inside CDATA and comments', () => {
    expect(parseXml('<a><![CDATA[x & y]]><!-- & --></a>').text).to.equal('x & y');
  });
});

describe('parseXml refuses characters XML does not allow', () => {
  for (const [name, xml, message] of [
    ['a C0 control', '<a>\u0001</a>', 'it contains the character U+0001, which XML does not allow (line 1, column 4)'],
    ['a lone surrogate', '<a>\uD800</a>', 'it contains the character U+D800, which XML does not allow (line 1, column 4)'],
    ['a reference to a C0 control', '<a>&#1;</a>', "'&#1;' refers to a character XML does not allow (line 1, column 4)"],
    ['a reference to U+FFFE', '<a>&#xFFFE;</a>', "'&#xFFFE;' refers to a character XML does not allow (line 1, column 4)"],
    ['a reference beyond Unicode', '<a>&#99999999;</a>', "'&#99999999;' refers to a character XML does not allow (line 1, column 4)"],
  ] as const) {
    it(`refuses ${name}`, () => {
      const error = readError(xml);
      expect(error.kind).to.equal('malformed');
      expect(error.message).to.equal(`The request body is not well-formed XML: ${message}.`);
    });
  }

  it('keeps tab, LF, CR references, astral characters and their references', () => {
    expect(parseXml('<a>&#9;&#xA;&#xD;\u{1F600}&#x1F600;</a>').text).to.equal('\t\n\r\u{1F600}\u{1F600}');
  });
});


const NOT_WELL_FORMED = 'The request body is not well-formed XML: ';

const ENVELOPE =
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="http://www.superoffice.net/ws/crm/NetServer/Services88">' +
  '<s:Header><c:ApplicationToken>1234567-1234-9876</c:ApplicationToken><c:Credentials><c:Ticket>7T:1234abcxyzExample==</c:Ticket></c:Credentials></s:Header>' +
  '<s:Body><c:AddChatMessage><c:ChatSessionId>1</c:ChatSessionId><c:Message><c:Type>ToUser</c:Type><c:Message>hello</c:Message>' +
  '<c:WhenPosted>2021-03-25T21:36:53Z</c:WhenPosted></c:Message></c:AddChatMessage></s:Body></s:Envelope>';

describe('parseXml reads SOAP envelopes', () => {
  const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
  const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
  const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services88';
  const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

  it('reads the AddChatMessage envelope into its elements, namespaces and texts', () => {
    const root = parseXml(ENVELOPE);
    expect([root.localName, root.namespace]).to.deep.equal(['Envelope', SOAP11]);
    expect(root.attributes).to.deep.equal([]);
    const [header, body] = root.children;
    expect(header?.children.map((c) => [c.localName, c.namespace, c.text])).to.deep.equal([
      ['ApplicationToken', NS, '1234567-1234-9876'],
      ['Credentials', NS, ''],
    ]);
    expect(header?.children[1]?.children[0]?.text).to.equal('7T:1234abcxyzExample==');
    const message = body?.children[0]?.children[1];
    expect(message?.children.map((c) => [c.localName, c.text])).to.deep.equal([
      ['Type', 'ToUser'],
      ['Message', 'hello'],
      ['WhenPosted', '2021-03-25T21:36:53Z'],
    ]);
  });

  it('reads the same envelope indented and after an XML declaration, keeping the indentation as text', () => {
    const indented = `<?xml version="1.0" encoding="utf-8"?>\n${ENVELOPE.replace(/></g, '>\n  <')}\n`;
    const root = parseXml(indented);
    expect(root.children.map((c) => c.localName)).to.deep.equal(['Header', 'Body']);
    expect(root.text).to.equal('\n  \n  \n  ');
    expect(root.children[1]?.children[0]?.children[1]?.children[1]?.text).to.equal('hello');
  });

  it('reads a SOAP 1.2 envelope with a default namespace and an xsi:nil attribute', () => {
    const root = parseXml(
      `<env:Envelope xmlns:env="${SOAP12}"><env:Body><AddChatMessage xmlns="${NS}" xmlns:i="${XSI}"><Message i:nil="true"/></AddChatMessage></env:Body></env:Envelope>`,
    );
    expect(root.namespace).to.equal(SOAP12);
    const operation = root.children[0]?.children[0];
    expect([operation?.localName, operation?.namespace]).to.deep.equal(['AddChatMessage', NS]);
    expect(operation?.children[0]?.attributes).to.deep.equal([{ localName: 'nil', namespace: XSI, value: 'true' }]);
  });

  it('accepts a byte order mark before the XML declaration', () => {
    expect(parseXml('\uFEFF<?xml version="1.0"?><a/>').localName).to.equal('a');
  });

  it('accepts an XML declaration with single quotes, an encoding and standalone', () => {
    expect(parseXml("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<a/>").localName).to.equal('a');
  });
});

describe('parseXml reads what XML allows in tags', () => {
  it('reads single-quoted attribute values, with double quotes inside them', () => {
    expect(attributeValue(parseXml(`<a x='say "hi"' y="it's"/>`), '', 'x')).to.equal('say "hi"');
    expect(attributeValue(parseXml(`<a x='say "hi"' y="it's"/>`), '', 'y')).to.equal("it's");
  });

  it('allows whitespace around =, before > and />, and in an end tag before >', () => {
    const root = parseXml('<a\n\tx = "1"\r\n  y\t=\'2\'   ><b\n/></a\n >');
    expect(root.attributes.map((a) => [a.localName, a.value])).to.deep.equal([
      ['x', '1'],
      ['y', '2'],
    ]);
    expect(root.children.map((c) => c.localName)).to.deep.equal(['b']);
  });

  it('reads non-ASCII element and attribute names, astral characters included', () => {
    const root = parseXml('<p:Grüße xmlns:p="urn:p" ñame="1" 名前="2"><Ωmega·1/><\u{10000}x/></p:Grüße>');
    expect([root.localName, root.namespace]).to.deep.equal(['Grüße', 'urn:p']);
    expect(root.attributes.map((a) => a.localName)).to.deep.equal(['ñame', '名前']);
    expect(root.children.map((c) => c.localName)).to.deep.equal(['Ωmega·1', '\u{10000}x']);
  });

  it('reads names with digits, hyphens, dots and underscores after the first character', () => {
    expect(parseXml('<_a-1.b x.y-2="1"/>').localName).to.equal('_a-1.b');
  });

  it('skips processing instructions in the prolog, in content and after the root', () => {
    expect(parseXml('<?xml version="1.0"?><?xml-stylesheet href="a"?><a><?pi?>x</a><?pi x?>').text).to.equal('x');
  });
});

describe('parseXml normalises line ends and attribute whitespace', () => {
  it('reads CRLF and a lone CR in text as LF', () => {
    expect(parseXml('<a>1\r\n2\r3\n4\r\r\n5</a>').text).to.equal('1\n2\n3\n4\n\n5');
  });

  it('reads CRLF and a lone CR in CDATA as LF', () => {
    expect(parseXml('<a><![CDATA[1\r\n2\r3]]></a>').text).to.equal('1\n2\n3');
  });

  it('keeps a CR written as a reference', () => {
    expect(parseXml('<a>1&#xD;\n2&#13;</a>').text).to.equal('1\r\n2\r');
    expect(parseXml(`<a>${escapeText('x\r\ny')}</a>`).text).to.equal('x\r\ny');
  });

  it('reads a literal tab, LF, CR or CRLF in an attribute value as one space each', () => {
    expect(attributeValue(parseXml('<a x="1\t2\n3\r4\r\n5  6"/>'), '', 'x')).to.equal('1 2 3 4 5  6');
  });

  it('keeps tab, LF and CR written as references in an attribute value', () => {
    expect(attributeValue(parseXml('<a x="1&#9;2&#xA;3&#xD;4"/>'), '', 'x')).to.equal('1\t2\n3\r4');
    expect(attributeValue(parseXml(`<a x="${escapeAttribute('a\tb\r\nc')}"/>`), '', 'x')).to.equal('a\tb\r\nc');
  });

  it('counts CRLF and a lone CR as line ends in error positions', () => {
    expect(readError('<a>\r\n\r<b></a>').message).to.equal(`${NOT_WELL_FORMED}the end tag '</a>' does not match the start tag '<b>' (line 3, column 4).`);
  });
});

describe('parseXml refuses malformed tags', () => {
  for (const [name, xml, problem] of [
    ['a mismatched end tag', '<a><b></c></a>', "the end tag '</c>' does not match the start tag '<b>' (line 1, column 7)"],
    ['an end tag that only starts like the start tag', '<a></ab>', "the end tag '</ab>' does not match the start tag '<a>' (line 1, column 4)"],
    ['an end tag with another prefix for the same namespace', '<p:a xmlns:p="u" xmlns:q="u"></q:a>', "the end tag '</q:a>' does not match the start tag '<p:a>' (line 1, column 30)"],
    ['an end tag without a start tag', '<a/></a>', "the end tag '</a>' has no start tag (line 1, column 5)"],
    ['whitespace after </', '<a></ a>', "expected the name of the element 'a' after '</', found a space (line 1, column 6)"],
    ['something other than > after an end tag name', '<a></a x>', "expected '>' to end the end tag '</a', found 'x' (line 1, column 8)"],
    ['a repeated attribute', '<a x="1" y="2" x="3"/>', "the attribute 'x' appears more than once in the start tag of 'a' (line 1, column 16)"],
    ['a repeated namespace declaration', '<a xmlns:p="u" xmlns:p="u"/>', "the attribute 'xmlns:p' appears more than once in the start tag of 'a' (line 1, column 16)"],
    [
      'two prefixes for one namespace on one attribute name',
      '<a xmlns:p="urn:x" xmlns:q="urn:x" p:x="1" q:x="2"/>',
      "the attributes 'p:x' and 'q:x' are the same attribute: both are 'x' in the namespace 'urn:x' (line 1, column 44)",
    ],
    ['an unquoted attribute value', '<a x=1/>', "expected the value of the attribute 'x' in quotes, found '1' (line 1, column 6)"],
    ['an attribute without a value', '<a x/>', "expected '=' after the attribute name 'x', found '/' (line 1, column 5)"],
    ['< in an attribute value', '<a x="1<2"/>', "'<' is not allowed in the value of the attribute 'x'; write it as &lt; (line 1, column 8)"],
    ['attributes without whitespace between them', '<a x="1"y="2"/>', "expected whitespace, '>' or '/>' after the value of the attribute 'x', found 'y' (line 1, column 9)"],
    ['a character that cannot follow an element name', '<a$/>', "expected whitespace, '>' or '/>' after the element name 'a', found '$' (line 1, column 3)"],
    ['a / not followed by >', '<a / >', "expected '>' after '/' in the start tag of 'a', found a space (line 1, column 5)"],
    ['whitespace after <', '< a/>', "expected an element name after '<', found a space (line 1, column 2)"],
    ['a name starting with a digit', '<1a/>', "expected an element name after '<', found '1' (line 1, column 2)"],
    ['two colons in a name', '<a:b:c/>', "'a:b:c' is not a valid qualified name (line 1, column 2)"],
    ['a name starting with a colon', '<:a/>', "':a' is not a valid qualified name (line 1, column 2)"],
    ['a name ending with a colon', '<a: x="1"/>', "'a:' is not a valid qualified name (line 1, column 2)"],
    ['a local name starting with a digit', '<a xmlns:p="u" p:1="x"/>', "'p:1' is not a valid qualified name (line 1, column 16)"],
    ['an attribute name with two colons', '<a p:q:r="1"/>', "'p:q:r' is not a valid qualified name (line 1, column 4)"],
  ] as const) {
    it(`refuses ${name}, saying where`, () => {
      const error = readError(xml);
      expect(error.kind).to.equal('malformed');
      expect(error.message).to.equal(`${NOT_WELL_FORMED}${problem}.`);
    });
  }
});

describe('parseXml refuses malformed content', () => {
  for (const [name, xml, problem] of [
    [']]> in text', '<a>x]]>y</a>', "']]>' is not allowed in text; write it as ']]&gt;' (line 1, column 5)"],
    ['-- inside a comment', '<a><!-- a -- b --></a>', "'--' is not allowed inside a comment (line 1, column 11)"],
    ['a comment ending in --->', '<a><!-- a ---></a>', "'--' is not allowed inside a comment (line 1, column 11)"],
    ['an unclosed comment', '<a><!-- x</a>', "the comment is not closed with '-->'; the body may be truncated (line 1, column 4)"],
    ['an unclosed CDATA section', '<a><![CDATA[x</a>', "the CDATA section is not closed with ']]>'; the body may be truncated (line 1, column 4)"],
    ['an unclosed processing instruction', '<a><?pi x</a>', "the processing instruction 'pi' is not closed with '?>'; the body may be truncated (line 1, column 4)"],
    ['<! that starts neither a comment nor CDATA', '<a><!ELEMENT a></a>', "'<!' must start a comment ('<!--') or a CDATA section ('<![CDATA['), found '<!ELEMENT' (line 1, column 4)"],
    ['a processing instruction named xml inside an element', '<a><?xml version="1.0"?></a>', "a processing instruction may not be named 'xml'; an XML declaration may only come first in the document (line 1, column 4)"],
    ['a processing instruction named XmL', '<?XmL x?><a/>', "a processing instruction may not be named 'XmL'; an XML declaration may only come first in the document (line 1, column 1)"],
    ['an XML declaration after whitespace', ' <?xml version="1.0"?><a/>', "a processing instruction may not be named 'xml'; an XML declaration may only come first in the document (line 1, column 2)"],
    ['an XML declaration after a comment', '<!-- c --><?xml version="1.0"?><a/>', "a processing instruction may not be named 'xml'; an XML declaration may only come first in the document (line 1, column 11)"],
    ['an XML declaration after the root', '<a/><?xml version="1.0"?>', "a processing instruction may not be named 'xml'; an XML declaration may only come first in the document (line 1, column 5)"],
    ['an XML declaration without a version', '<?xml encoding="utf-8"?><a/>', 'the XML declaration is malformed: expected <?xml version="1.0"?>, optionally with an encoding and standalone="yes" or "no" (line 1, column 1)'],
    ['a processing instruction without a target', '<a><? x?></a>', "expected a processing instruction target after '<?', found a space (line 1, column 6)"],
    ['a processing instruction target followed by neither whitespace nor ?>', '<a><?pi/x?></a>', "expected whitespace or '?>' after the processing instruction target 'pi', found '/' (line 1, column 8)"],
    ['an & in an attribute value that starts no reference', '<a x="a & b"/>', "'&' is not a declared entity (line 1, column 9); write & as &amp;, or use a character reference such as &#198;"],
    ['a reference without its semicolon', '<a>&#65</a>', "'&#65' is not a declared entity (line 1, column 4); write & as &amp;, or use a character reference such as &#198;"],
    ['an upper-case X in a hexadecimal reference', '<a>&#X41;</a>', "'&#X41;' is not a declared entity (line 1, column 4); write & as &amp;, or use a character reference such as &#198;"],
    ['a reference to a character XML does not allow in an attribute value', '<a x="&#0;"/>', "'&#0;' refers to a character XML does not allow (line 1, column 7)"],
    ['a reference of a thousand digits', `<a>&#${'9'.repeat(1000)};</a>`, `'&#${'9'.repeat(58)}…' refers to a character XML does not allow (line 1, column 4)`],
  ] as const) {
    it(`refuses ${name}, saying where`, () => {
      const error = readError(xml);
      expect(error.kind).to.equal('malformed');
      expect(error.message).to.equal(`${NOT_WELL_FORMED}${problem}.`);
    });
  }

  it('allows ]] and > apart in text, and ]]> inside CDATA and comments', () => {
    expect(parseXml('<a>]] ] > ]]&gt;<!-- ]]> --><![CDATA[]]]]><![CDATA[>]]></a>').text).to.equal(']] ] > ]]>]]>');
  });

  it('allows an empty comment, and - inside a comment', () => {
    expect(parseXml('<a><!----><!-- a-b - c -->x</a>').text).to.equal('x');
  });

  it('allows & and < in a processing instruction', () => {
    expect(parseXml('<?pi a & b < c?><a/>').localName).to.equal('a');
  });
});

describe('parseXml refuses a truncated document, saying where it ends', () => {
  for (const [cut, problem] of [
    ['<s:Envelope', "the document ends inside the start tag of 's:Envelope'"],
    ['<s:Envelope xmlns:s="http://schemas', "the document ends inside the value of the attribute 'xmlns:s'"],
    ['<s:Envelope xmlns:s', "expected '=' after the attribute name 'xmlns:s', found the end of the document"],
    ['<s:Envelope xmlns:s="urn:s"><s:Body><c:Message xmlns:c="urn:c">hel', "the document ends inside the element 'c:Message'"],
    ['<s:Envelope xmlns:s="urn:s"><s:Body></s:Body', "the document ends inside the end tag '</s:Body'"],
    ['<s:Envelope xmlns:s="urn:s"><s:Body></s:Body>', "the document ends inside the element 's:Envelope'"],
  ] as const) {
    it(`refuses ${JSON.stringify(cut.slice(-20))}`, () => {
      const error = readError(cut);
      expect(error.kind).to.equal('malformed');
      expect(error.message).to.match(new RegExp(`^${escapeRegExp(`${NOT_WELL_FORMED}${problem}`)}(; the body may be truncated)? \\(line 1, column ${cut.length + 1}\\)\\.$`));
    });
  }

  it('refuses every truncation of the envelope as not well-formed', () => {
    for (let length = 0; length < ENVELOPE.length; length += 1) {
      const error = readError(ENVELOPE.slice(0, length));
      expect(error.kind).to.equal('malformed');
      expect(error.message).to.match(/^The request body is not well-formed XML: /);
    }
  });
});

describe('parseXml checks namespace declarations', () => {
  for (const [name, xml, problem] of [
    ['a prefix declared with an empty namespace', '<a xmlns:p=""/>', "the prefix 'p' is declared with an empty namespace name, which Namespaces in XML 1.0 does not allow (line 1, column 4)"],
    ['a declaration of the xmlns prefix', '<a xmlns:xmlns="urn:x"/>', "the prefix 'xmlns' is reserved and may not be declared (line 1, column 4)"],
    ['the xml prefix bound to another namespace', '<a xmlns:xml="urn:x"/>', "the prefix 'xml' may only stand for http://www.w3.org/XML/1998/namespace (line 1, column 4)"],
    ['another prefix bound to the XML namespace', '<a xmlns:x="http://www.w3.org/XML/1998/namespace"/>', "the namespace http://www.w3.org/XML/1998/namespace may only have the prefix 'xml' (line 1, column 4)"],
    ['a prefix bound to the xmlns namespace', '<a xmlns:x="http://www.w3.org/2000/xmlns/"/>', 'the namespace http://www.w3.org/2000/xmlns/ may not be declared (line 1, column 4)'],
  ] as const) {
    it(`refuses ${name}`, () => {
      expect(readError(xml).message).to.equal(`${NOT_WELL_FORMED}${problem}.`);
    });
  }

  it('allows the xml prefix to be declared with its own namespace', () => {
    expect(parseXml('<a xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:lang="en"/>').attributes).to.deep.equal([
      { localName: 'lang', namespace: 'http://www.w3.org/XML/1998/namespace', value: 'en' },
    ]);
  });

  it('resolves an element prefix declared after other attributes of its start tag', () => {
    expect(parseXml('<p:a p:x="1" xmlns:p="urn:p"/>').attributes).to.deep.equal([{ localName: 'x', namespace: 'urn:p', value: '1' }]);
  });

  it('restores a redeclared prefix after the element that redeclared it, also for an empty element', () => {
    const root = parseXml('<p:a xmlns:p="urn:1"><p:b xmlns:p="urn:2"/><p:c xmlns:p="urn:3"><p:d/></p:c><p:e/></p:a>');
    expect(root.children.map((c) => c.namespace)).to.deep.equal(['urn:2', 'urn:3', 'urn:1']);
    expect(root.children[1]?.children[0]?.namespace).to.equal('urn:3');
  });

  it('forgets a prefix after the element that declared it', () => {
    expect(readError('<a><b xmlns:p="urn:p"/><p:c/></a>').message).to.equal(`${NOT_WELL_FORMED}the prefix 'p' of 'p:c' is not declared.`);
  });

  it('allows two prefixes for one namespace on attributes with different local names', () => {
    expect(parseXml('<a xmlns:p="urn:x" xmlns:q="urn:x" p:x="1" q:y="2"/>').attributes.map((a) => a.namespace)).to.deep.equal(['urn:x', 'urn:x']);
  });

  it('allows an unprefixed and a prefixed attribute with the same local name', () => {
    expect(parseXml('<a xmlns="urn:x" xmlns:p="urn:x" x="1" p:x="2"/>').attributes).to.deep.equal([
      { localName: 'x', namespace: '', value: '1' },
      { localName: 'x', namespace: 'urn:x', value: '2' },
    ]);
  });
});

describe('parseXml refuses a DOCTYPE wherever markup is read', () => {
  for (const [where, xml, column] of [
    ['inside the root element', '<a><!DOCTYPE a></a>', 4],
    ['after the root element', '<a/><!DOCTYPE a>', 5],
    ['after text outside the root element', 'x<!DOCTYPE a><a/>', 2],
  ] as const) {
    it(`refuses a DOCTYPE ${where}`, () => {
      const error = readError(xml);
      expect(error.kind).to.equal('dtd');
      expect(error.message).to.equal(`DTDs are prohibited in SOAP messages: the request contains a DOCTYPE declaration (line 1, column ${column}).`);
    });
  }
});

describe('parseXml outside the root element', () => {
  it('refuses a document of only whitespace, comments and processing instructions as having no root element', () => {
    expect(readError(' <!-- c --> <?pi?> ').message).to.equal(`${NOT_WELL_FORMED}the document has no root element (line 1, column 20).`);
  });

  it('refuses an empty body, with or without a byte order mark', () => {
    expect(readError('').message).to.equal(`${NOT_WELL_FORMED}the body is empty.`);
    expect(readError('\uFEFF').message).to.equal(`${NOT_WELL_FORMED}the body is empty.`);
  });

  it('counts text before the root as text outside it', () => {
    expect(readError('x<a/>').message).to.equal('The document must have exactly one root element; it has 1 and text outside it.');
    expect(readError('x').message).to.equal('The document must have exactly one root element; it has 0 and text outside it.');
  });

  it('counts a CDATA section outside the root as text outside it', () => {
    expect(readError('<a/><![CDATA[]]>').message).to.equal('The document must have exactly one root element; it has 1 and text outside it.');
  });

  it('counts every root element', () => {
    expect(readError('<a/><b>x</b><c/>').message).to.equal('The document must have exactly one root element; it has 3.');
  });
});

describe('parseXml on hostile bodies of about 1 MB (linear: each well within the test timeout)', () => {
  it('refuses 100,000 nested elements at the 102nd level', () => {
    expect(readError(`${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`).message).to.equal(
      `${NOT_WELL_FORMED}elements are nested more than 101 levels deep (line 1, column 304).`,
    );
  });

  it('refuses an empty-element tag at the 102nd level too', () => {
    expect(readError(`${'<x>'.repeat(101)}<y/>${'</x>'.repeat(101)}`).message).to.match(/nested more than 101 levels deep/);
  });

  it('reads 200,000 sibling elements', () => {
    expect(parseXml(`<a>${'<b/>'.repeat(200_000)}</a>`).children).to.have.length(200_000);
  });

  it('reads a 900 KB attribute value and a 900 KB name', () => {
    const value = 'v'.repeat(900_000);
    expect(attributeValue(parseXml(`<a x="${value}"/>`), '', 'x')).to.equal(value);
    expect(parseXml(`<${'n'.repeat(900_000)}/>`).localName).to.have.length(900_000);
  });

  it('shortens a 900 KB name in a message', () => {
    const name = 'n'.repeat(900_000);
    expect(readError(`<${name}></b>`).message).to.equal(`${NOT_WELL_FORMED}the end tag '</b>' does not match the start tag '<${'n'.repeat(59)}…' (line 1, column 900003).`);
  });

  it('reads 20,000 namespace declarations and 20,000 attributes on one element, under children that redeclare a prefix, and finds a repeated attribute among them', () => {
    const declarations = Array.from({ length: 20_000 }, (_, i) => ` xmlns:p${i}="urn:p${i}"`).join('');
    const attributes = Array.from({ length: 20_000 }, (_, i) => ` p${i}:a="${i}"`).join('');
    const root = parseXml(`<a${declarations}${attributes}>${'<p7:b xmlns:q="urn:q"/><p8:b xmlns:p8="urn:x"/>'.repeat(10_000)}<p8:c/></a>`);
    expect(root.attributes).to.have.length(20_000);
    expect(root.children.slice(-3).map((c) => c.namespace)).to.deep.equal(['urn:p7', 'urn:x', 'urn:p8']);
    expect(readError(`<a${declarations}${attributes} p3:a="x"/>`).message).to.match(/the attribute 'p3:a' appears more than once/);
    expect(readError(`<a${declarations} xmlns:q="urn:p3"${attributes} q:a="x"/>`).message).to.match(/the attributes 'p3:a' and 'q:a' are the same attribute/);
  });

  it('reads 150,000 character references in text and in an attribute value', () => {
    const references = '&#65;&amp;'.repeat(150_000);
    const root = parseXml(`<a x="${references}">${references}</a>`);
    expect(root.text).to.equal('A&'.repeat(150_000));
    expect(attributeValue(root, '', 'x')).to.equal('A&'.repeat(150_000));
  });

  it('joins 100,000 pieces of text of one element', () => {
    expect(parseXml(`<a>${'x<b/>'.repeat(100_000)}</a>`).text).to.equal('x'.repeat(100_000));
  });

  it('refuses unterminated comments, CDATA sections and processing instructions', () => {
    expect(readError(`<a>${'<!--'.repeat(200_000)}`).message).to.match(/the comment is not closed/);
    expect(readError(`<a>${'<![CDATA['.repeat(100_000)}`).message).to.match(/the CDATA section is not closed/);
    expect(readError(`<a>${'<?pi '.repeat(200_000)}`).message).to.match(/the processing instruction 'pi' is not closed/);
  });

  it('reads 100,000 comments and CRLF line ends', () => {
    expect(parseXml(`<a>${'<!-- c -->\r\n'.repeat(100_000)}</a>`).text).to.equal('\n'.repeat(100_000));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
