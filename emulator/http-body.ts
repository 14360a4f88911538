import http from 'node:http';

/** A request the caller got wrong: answered with its status, never as a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a JSON body may be: as big as a CloudBase event, nested no deeper than any real one. */
export const MAX_BODY = 10 * 1024 * 1024;
export const MAX_DEPTH = 100;

export function tooLarge(limit = MAX_BODY): HttpError {
  return new HttpError(413, `request body over ${limit / 1024 / 1024} MB`);
}

/** The body as text, refused with 413 as soon as it is known to be over the limit. */
export function readBody(req: http.IncomingMessage, limit = MAX_BODY): Promise<string> {
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      // Stop keeping it; the server drains the rest once the 413 is sent.
      req.off('data', onData);
      chunks.length = 0;
      reject(tooLarge(limit));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Parses JSON after checking its nesting in one pass over the text: an event deep enough to
 * overflow a stack later (serialising it for the function instance) is refused here, with 400.
 * Answers undefined for text that is not JSON.
 */
export function parseJson(text: string, maxDepth = MAX_DEPTH): unknown {
  if (depthOver(text, maxDepth)) throw new HttpError(400, `JSON nested deeper than ${maxDepth} levels`);
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return undefined;
  }
}

function depthOver(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * JSON, or no type at all (tools often send none). Refused are the types a page may send
 * without its browser asking first (text/plain, forms): a preflight is what keeps other pages out.
 */
export function isJson(req: http.IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return type === undefined || /^application\/json\s*(;|$)/i.test(type);
}
