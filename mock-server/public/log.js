// The response log: one <li> per exchange, newest first, bounded so a long session does not
// grow the page without end. Server text only ever goes through textContent.

const LIMIT = 50;

/** 'ok' for 2xx/3xx, 'err' for 4xx/5xx and network failures: picks the badge colour. */
export function statusClass(status) {
  if (status >= 200 && status < 400) return 'ok';
  return 'err';
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function prettyBody(exchange) {
  if (exchange.doc !== null) return JSON.stringify(exchange.doc, null, 2);
  if (exchange.text) return exchange.text;
  return exchange.status === 0 ? '' : '(empty body)';
}

function headerLines(headers) {
  const names = Object.keys(headers);
  if (names.length === 0) return '(none set by the page; the browser adds Cookie itself)';
  return names.map((name) => `${name}: ${headers[name]}`).join('\n');
}

export function createLog(list) {
  function add(exchange) {
    const item = el('li', 'log-entry');
    item.dataset.testid = 'demo-log-entry';
    item.dataset.status = String(exchange.status);
    const details = el('details');
    const summary = el('summary');
    summary.append(
      el('span', `badge ${statusClass(exchange.status)}`, exchange.status === 0 ? 'ERR' : String(exchange.status)),
      el('span', 'method', exchange.method),
      el('span', 'url', exchange.url),
      el('span', 'ms', `${exchange.ms} ms`),
    );
    details.append(summary);
    if (exchange.error) details.append(el('p', 'log-error', exchange.error));
    details.append(el('h4', '', 'Request headers'), el('pre', 'headers', headerLines(exchange.requestHeaders)));
    const type = exchange.contentType ? ` (${exchange.contentType})` : '';
    details.append(el('h4', '', `Response body${type}`), el('pre', 'body', prettyBody(exchange)));

    // Only the newest entry is open, so the log stays a readable list of one-line summaries.
    for (const open of list.querySelectorAll('details[open]')) open.open = false;
    details.open = true;
    item.append(details);
    list.prepend(item);
    while (list.children.length > LIMIT) list.lastElementChild?.remove();
  }

  function clear() {
    list.replaceChildren();
  }

  return { add, clear };
}
