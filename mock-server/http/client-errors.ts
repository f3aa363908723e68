/**
 * Requests Node's HTTP parser refuses (control characters in headers, unknown methods, headers
 * too large, malformed framing). They never reach the handler; the answer is a 4xx on that
 * connection only. An unknown method under the API prefix gets the 405 ErrorMessage the router
 * would give, elsewhere a plain 405.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Flavour } from '../../shared/ez/flavours';
import { formatForAccept, mediaType } from '../../shared/ez/media-types';
import { render } from './render';
import { errorMessage } from '../core/results';

const PENDING_GRACE_MS = 2000;

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

function rawResponse(status: number, reason: string, contentType: string, body: string, extra = ''): string {
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `${extra}Connection: close\r\n\r\n${body}`
  );
}

const REQUEST_LINE = /^[!-~]+ \S+ HTTP\/\d\.\d$/;

function unknownMethod(raw: string, flavour: Flavour): string {
  const line = raw.split('\r\n')[0] ?? '';
  if (!REQUEST_LINE.test(line)) return rawResponse(400, 'Bad Request', 'text/plain; charset=utf-8', 'Bad Request\n');
  const [method = '', target = ''] = line.split(' ');
  if (!target.startsWith(flavour.prefix + '/')) {
    // 405 rather than 501: a method the server does not know is the client's mistake (4xx).
    return rawResponse(
      405,
      'Method Not Allowed',
      'text/plain; charset=utf-8',
      'Method Not Allowed\n',
      'Allow: GET, HEAD\r\n',
    );
  }
  const accept = /\r\naccept:([^\r\n]*)/i.exec(raw)?.[1]?.trim();
  const format = formatForAccept(accept, flavour.vendor) ?? 'xml';
  const safeMethod = method.replace(/[^\x21-\x7e]/g, '?').slice(0, 32);
  const result = errorMessage(405, `Unknown HTTP method "${safeMethod}"`);
  const body = render(result.root, typeof result.node === 'function' ? result.node() : result.node, format, flavour);
  return rawResponse(405, 'Method Not Allowed', mediaType('ErrorMessage', format, flavour.vendor), body);
}

/** The server's `clientError` listener, for its flavour (which prefix gets REST-shaped errors). */
export const clientErrorHandler =
  (flavour: Flavour) =>
  (err: ParserError, socket: Socket): void =>
    onClientError(err, socket, flavour);

function onClientError(err: ParserError, socket: Socket, flavour: Flavour): void {
  if (!socket.writable || socket.destroyed) {
    socket.destroy();
    return;
  }
  let response: string;
  switch (err.code) {
    case 'HPE_INVALID_METHOD':
      response = unknownMethod(err.rawPacket?.toString('latin1') ?? '', flavour);
      break;
    case 'HPE_HEADER_OVERFLOW':
      response = rawResponse(
        431,
        'Request Header Fields Too Large',
        'text/plain; charset=utf-8',
        'Request Header Fields Too Large\n',
      );
      break;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      response = rawResponse(408, 'Request Timeout', 'text/plain; charset=utf-8', 'Request Timeout\n');
      break;
    default:
      response = rawResponse(
        400,
        'Bad Request',
        'text/plain; charset=utf-8',
        `Bad Request: ${err.code ?? 'malformed request'}\n`,
      );
  }
  // Bytes after a valid request (a Content-Length smaller than the body, pipelining) fail to
  // parse while that request's answer is still being made: let it go out first, then refuse the
  // rest, so the good request's answer is not lost. The timer bounds a response that never comes.
  const pending = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (pending && !pending.writableFinished && !pending.destroyed) {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (socket.writable) socket.end(response);
      else socket.destroy();
    };
    const timer = setTimeout(finish, PENDING_GRACE_MS);
    timer.unref();
    pending.once('finish', finish);
    pending.once('close', finish);
    return;
  }
  socket.end(response);
}
