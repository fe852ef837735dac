/** A Content-Type header, split into its media type (lower case) and parameters (names in lower case, values unquoted). */
export interface ContentType {
  readonly raw: string;
  readonly mediaType: string;
  readonly parameters: ReadonlyMap<string, string>;
}

export function parseContentType(header: string | undefined): ContentType {
  const raw = header ?? '';
  const [type = '', ...parts] = raw.split(';');
  const parameters = new Map<string, string>();
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals === -1) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    let value = part.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    parameters.set(name, value);
  }
  return { raw, mediaType: type.trim().toLowerCase(), parameters };
}
