// The shell of every page onward serves: escaped text only, one stylesheet allowed by its hash,
// no scripts at all — the pages work without JavaScript, by keyboard and on a phone.
import { createHash } from 'node:crypto';

export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
:root{color-scheme:light dark;--ink:#1d2330;--muted:#5b6474;--line:#d5dae3;--accent:#1f5fbf;--warn:#9a3b00;--ok:#1d6b3a;--bg:#fbfbfd;--card:#fff}
@media (prefers-color-scheme:dark){:root{--ink:#e8ebf2;--muted:#a5adbb;--line:#3a4150;--accent:#7fb0ff;--warn:#ffb27a;--ok:#7fd69e;--bg:#14171d;--card:#1c2029}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:46rem;margin:0 auto;padding:1.25rem 1rem 3rem}h1{font-size:1.45rem;line-height:1.25;margin:.25rem 0 1rem}h2{font-size:1.05rem;margin:1.5rem 0 .5rem}
section,.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem;margin:1rem 0}
.muted,small{color:var(--muted)}.notice{border-left:4px solid var(--accent);padding:.6rem .9rem;background:var(--card);margin:1rem 0}
.notice.warn{border-color:var(--warn)}.notice.ok{border-color:var(--ok)}ul.errors{color:var(--warn);font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .9rem;margin:0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
label{display:block;font-weight:600;margin:.9rem 0 .3rem}input,textarea,select{width:100%;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:.55rem .65rem}
textarea{min-height:14rem;line-height:1.5;resize:vertical;field-sizing:content}input:focus,textarea:focus,button:focus,a:focus{outline:3px solid var(--accent);outline-offset:2px}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.2rem}button{font:inherit;font-weight:600;border-radius:8px;padding:.65rem 1.3rem;border:1px solid var(--accent);cursor:pointer}
button.primary{background:var(--accent);color:#fff}button.secondary{background:transparent;color:var(--accent)}
form.letter:invalid button.primary{opacity:.45;cursor:not-allowed}pre.letter,blockquote{white-space:pre-wrap;font:inherit;margin:0}
section>h2:first-child{margin-top:0}.excerpt-title{font-size:.9rem;margin:.8rem 0 .3rem}pre.letter.sent{margin-top:1rem}
blockquote{border-left:3px solid var(--line);padding-left:.8rem;color:var(--muted);max-height:14rem;overflow:auto}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.45rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}table.cases td{overflow-wrap:anywhere}
a{color:var(--accent)}.status{font-size:.8rem;font-weight:700;letter-spacing:.03em}
a.button{display:inline-block;font-weight:600;border-radius:8px;padding:.4rem 1rem;border:1px solid var(--accent);text-decoration:none}
main:has(table.cases){max-width:62rem}table.cases{font-size:.92rem}td.date time,td.stage{white-space:nowrap}svg.chart{display:block;width:100%;max-width:34rem;height:auto;margin:.5rem 0}
ul.legend{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.85rem}ul.legend svg{vertical-align:-1px}
@media (max-width:34rem){dl{grid-template-columns:1fr}dt{margin-top:.4rem}table.cases thead{display:none}table.cases tr{display:block;padding:.55rem 0;border-bottom:1px solid var(--line)}table.cases td{display:block;border:0;padding:.1rem 0}table.cases td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-weight:400}}
`;

const styleHash = (style: string) => `sha256-${createHash('sha256').update(style).digest('base64')}`;

/** Response headers of a page whose one stylesheet is `style`: nothing cached, leaked or framed (docs/DESIGN.md §4). */
function headersFor(style: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy': `default-src 'none'; style-src '${styleHash(style)}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  };
}

/** Response headers of every page (DESIGN §4). */
export const PAGE_HEADERS: Record<string, string> = headersFor(STYLE);

export function page(title: string, body: string, style = STYLE): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)} · onward</title><style>${style}</style></head>
<body><main>${body}</main></body></html>`;
}

/**
 * A page with rules of its own after onward's stylesheet (the local mailbox), and the headers that
 * allow exactly that stylesheet: still no scripts, still one style element.
 */
export function pageWithStyle(
  title: string,
  body: string,
  extra: string,
): { html: string; headers: Record<string, string> } {
  const style = `${STYLE}${extra}`;
  return { html: page(title, body, style), headers: headersFor(style) };
}

export function messagePage(title: string, text: string, extra = ''): string {
  return page(title, `<h1>${esc(title)}</h1><p>${esc(text)}</p>${extra}`);
}
