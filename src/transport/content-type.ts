/** A Content-Type header, split into its media type (lower case) and parameters (names in lower case, values unquoted). */
export interface ContentType {
  readonly raw: string;
  readonly mediaType: string;
  readonly parameters: ReadonlyMap<string, string>;
}

/** `; name=value` or `; name="quoted value"` (a quoted value may hold `;`, and `\"` escapes). */
const PARAMETER = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;

export function parseContentType(header: string | undefined): ContentType {
  const raw = header ?? '';
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
