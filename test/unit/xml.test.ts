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

