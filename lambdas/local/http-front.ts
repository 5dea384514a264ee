// The review site locally: a plain HTTP server that hands each request to on-approval-request
// as a Lambda Function URL event (payload format 2.0), as AWS would — and serves the pages only
// the local stack has (the mailbox) itself, so no Lambda bundle carries them.
import http from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { PAGE_HEADERS } from '../web/pages/layout.ts';
import { tooLongPage } from '../web/pages/other-pages.ts';

// Above the handler's own cap, so the handler answers "Too long" as it would on AWS; beyond this
// the front answers the same page without reading more.
const MAX_BODY = 1024 * 1024;

function functionUrlEvent(req: http.IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const method = req.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: `${Date.now()}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body.length ? body.toString('base64') : undefined,
    isBase64Encoded: body.length > 0,
  };
}

/** A page of the local stack alone, by path: GET and HEAD only, answered before any Lambda is. */
export type LocalPages = Record<string, () => Promise<{ html: string; headers: Record<string, string> }>>;

export function httpFront(
  handler: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>,
  localPages: LocalPages = {},
): http.Server {
  return http.createServer((req, res) => {
    const local = localPages[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (local && (req.method === 'GET' || req.method === 'HEAD')) {
      local()
        .then(({ html, headers }) => res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : html))
        .catch(() => res.writeHead(503).end());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) {
        res.writeHead(413, PAGE_HEADERS).end(tooLongPage());
        return;
      }
      handler(functionUrlEvent(req, Buffer.concat(chunks)))
        .then((result) => {
          res.writeHead(result.statusCode ?? 200, result.headers as http.OutgoingHttpHeaders);
          res.end(req.method === 'HEAD' ? undefined : (result.body ?? ''));
        })
        .catch(() => res.writeHead(503).end());
    });
  });
}
