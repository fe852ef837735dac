/** A Content-Type header, split into its media type (lower case) and parameters (names in lower case, values unquoted). */
export interface ContentType {
  readonly raw: string;
  readonly mediaType: string;
  readonly parameters: ReadonlyMap<string, string>;
}

/** `; name=value` or `; name="quoted value"` (a quoted value may hold `;`, and `\"` escapes). */
const PARAMETER = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;

/**
 * Parsed Content-Type headers by their text: clients send the same one or two values on every request. Bounded,
 * so that a client sending a new value each time costs a parse, not memory.
 */
const parsed = new Map<string, ContentType>();
const MAX_PARSED = 64;

export function parseContentType(header: string | undefined): ContentType {
  const raw = header ?? '';
  let contentType = parsed.get(raw);
  if (contentType === undefined) {
    contentType = parseContentTypeText(raw);
    if (parsed.size === MAX_PARSED) parsed.clear();
    parsed.set(raw, contentType);
  }
  return contentType;
}

function parseContentTypeText(raw: string): ContentType {
  const semicolon = raw.indexOf(';');
  const parameters = new Map<string, string>();
  if (semicolon !== -1) {
    for (const match of raw.slice(semicolon).matchAll(PARAMETER)) {
      const quoted = match[2];
      parameters.set((match[1] as string).toLowerCase(), quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (match[3] ?? '').trim());
    }
  }
  return { raw, mediaType: (semicolon === -1 ? raw : raw.slice(0, semicolon)).trim().toLowerCase(), parameters };
}
