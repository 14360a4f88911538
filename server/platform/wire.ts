/**
 * The protobuf messages of CloudBase's `wx.openApi` action (云调用), as wx-server-sdk 4.x defines
 * them (src/protobuf/openapi.js there):
 *
 *   message KeyValuePair   { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
 *   message OpenApiData    { repeated KeyValuePair pairs = 1; }
 *   message CommApiData    { ApiType apiType = 1; OpenApiData openapiData = 2; ...; string appid = 6; }  // OPEN_API = 0
 *   message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3;
 *                             uint32 httpCode = 4; repeated HttpHeader headers = 5; int32 svrkitErrorCode = 6; }
 *
 * Only these fields are needed, so they are written by hand rather than pulling protobufjs into
 * every function bundle.
 */

const OPEN_API = 0;
const VARINT = 0;
const FIXED64 = 1;
const BYTES = 2;
const FIXED32 = 5;

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

function tag(field: number, wireType: number): number[] {
  return varint((field << 3) | wireType);
}

function bytesField(field: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([...tag(field, BYTES), ...varint(value.length)]), value]);
}

/**
 * A `CommApiData` asking for open API call: each parameter one key/value pair, the value the
 * parameter's JSON text, as wx-server-sdk sends them (`"abc"` for a string, `430` for a number).
 */
export function encodeOpenApiRequest(params: Record<string, unknown>): Buffer {
  const pairs: Buffer[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const pair = Buffer.concat([bytesField(1, Buffer.from(key, 'utf8')), bytesField(2, Buffer.from(JSON.stringify(value), 'utf8'))]);
    pairs.push(bytesField(1, pair));
  }
  // apiType is written even though it is 0, as protobufjs does for a field set explicitly.
  return Buffer.concat([Buffer.from([...tag(1, VARINT), ...varint(OPEN_API)]), bytesField(2, Buffer.concat(pairs))]);
}

export interface OpenApiResponse {
  respData: Buffer;
  contentType: string;
  errorCode: number;
}

/** Reads a `CommOpenApiResp`; throws on anything that is not one (a JSON error body, say). */
export function decodeOpenApiResponse(buf: Buffer): OpenApiResponse {
  const out: OpenApiResponse = { respData: Buffer.alloc(0), contentType: '', errorCode: 0 };
  let pos = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const b = buf[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
    }
    throw new Error('varint too long');
  };
  while (pos < buf.length) {
    const key = Number(readVarint());
    const field = key >>> 3;
    const wireType = key & 7;
    if (field === 0) throw new Error('field number 0');
    if (wireType === VARINT) {
      const v = readVarint();
      // int32 on the wire is sign-extended to 64 bits; keep the low 32 as a signed number.
      if (field === 3) out.errorCode = Number(BigInt.asIntN(32, v));
    } else if (wireType === BYTES) {
      const len = Number(readVarint());
      if (pos + len > buf.length) throw new Error('truncated field');
      const value = buf.subarray(pos, pos + len);
      pos += len;
      if (field === 1) out.respData = Buffer.from(value);
      else if (field === 2) out.contentType = value.toString('utf8');
    } else if (wireType === FIXED64) {
      pos += 8;
    } else if (wireType === FIXED32) {
      pos += 4;
    } else {
      throw new Error(`unexpected wire type ${wireType}`);
    }
    if (pos > buf.length) throw new Error('truncated field');
  }
  return out;
}
