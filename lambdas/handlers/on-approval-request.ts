// Lambda entry behind the review site's Function URL (payload format 2.0). Maps the HTTP event
// to a WebRequest, lets web-routes decide, and maps the answer back. Never a 500 with details.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dynamoCaseEraser } from '../adapters/dynamo-cases.ts';
import { composer, jsonLogger } from './compose.ts';
import { route } from '../web/routes.ts';
import { PAGE_HEADERS, messagePage } from '../web/pages/layout.ts';
import { tooLongPage } from '../web/pages/other-pages.ts';
import { reviewUrl } from '../settings/settings.ts';

const deps = composer(process.env, { eraser: dynamoCaseEraser });

// Form posts are small; anything bigger is not from our page. The letter's own limit is in
// characters (workflow/review.ts); this only bounds what is read (a 20,000-character letter in
// Cyrillic is ~120 KB URL-encoded).
const MAX_FORM_BYTES = 256 * 1024;

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  // A Function URL cannot be put in its own function's environment (CloudFormation sees a cycle),
  // so on AWS the review site learns its address from the first request it serves.
  process.env[reviewUrl.env] ??= `https://${event.requestContext.domainName}/`;
  try {
    const raw = event.body
      ? event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body
      : '';
    if (raw.length > MAX_FORM_BYTES) return { statusCode: 413, headers: PAGE_HEADERS, body: tooLongPage() };
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const response = await route((await deps()).web, {
      method: event.requestContext.http.method,
      path: event.rawPath,
      query: new URLSearchParams(event.rawQueryString ?? ''),
      headers,
      form: new URLSearchParams(raw),
    });
    return response;
  } catch (error) {
    jsonLogger.error('web.failed', { name: error instanceof Error ? error.name : 'unknown' });
    return {
      statusCode: 503,
      headers: PAGE_HEADERS,
      body: messagePage(
        'Please try again in a minute',
        'onward could not finish this just now. Open the link again in a minute to see where your letter stands; a letter is never sent twice.',
      ),
    };
  }
}
