#!/usr/bin/env node
// Writes the nginx configuration for the two apps to standard output: one upstream per app
// (least_conn, passive health checks, keepalive to the instances), the timeouts the apps'
// drain is built around, and the live channel's streams unbuffered. The tests render it with
// loopback ports; a host renders it once with its own and includes it in nginx.conf.
//
//   node deploy/nginx/render-config.mjs --customer 3010,3011 --admin 3020,3021 \
//     [--listen 80] [--admin-listen 8080] [--forwarded replace|append] [--down 3010]
//     [--prefix /var/lib/hibachi-nginx] [--standalone]
//
// --standalone writes a whole nginx.conf (pid, error log and temp paths under --prefix),
// as the deploy test runs it; without it, the http-level blocks to include.
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const ports = (name) =>
  option(name, '')
    .split(',')
    .filter(Boolean)
    .map((port) => Number(port));
const customer = ports('customer');
const admin = ports('admin');
// Instances taken out of rotation (the rolling deploy restarts them): marked `down`, so
// nginx, reloaded, sends them nothing new while they drain.
const down = new Set(ports('down'));
if (customer.length === 0 || admin.length === 0) {
  process.stderr.write('usage: render-config.mjs --customer PORTS --admin PORTS [--listen N]\n');
  process.exit(2);
}
const listen = option('listen', '80');
const adminListen = option('admin-listen', '8080');
const prefix = option('prefix', '/var/lib/hibachi-nginx');
const standalone = args.includes('--standalone');
// replace (default): nginx is the first proxy, the client address is the connection's
// (TRUSTED_PROXY_HOPS=1). append: a proxy or CDN in front already names the client
// (TRUSTED_PROXY_HOPS=2; the deploy test's load generator plays that part).
const forwarded =
  option('forwarded', 'replace') === 'append' ? '$proxy_add_x_forwarded_for' : '$remote_addr';

// Passive health checks: one failed connection takes an instance out for 3 s (a restarting
// instance refuses connections). nginx closes idle upstream connections after 4 s, sooner
// than the apps' drain window (6 s), so an instance never closes one nginx is about to reuse.
const upstream = (name, list) => `upstream hibachi_${name} {
    least_conn;
${list.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=3s${down.has(port) ? ' down' : ''};`).join('\n')}
    keepalive 32;
    keepalive_timeout 4s;
    keepalive_requests 10000;
}`;

const proxied = (name, readTimeout = '60s') => `        proxy_pass http://hibachi_${name};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        # The apps read the client address TRUSTED_PROXY_HOPS entries from the right.
        proxy_set_header X-Forwarded-For ${forwarded};
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_connect_timeout 2s;
        proxy_read_timeout ${readTimeout};
        # A refused or reset connection is retried on the next instance; a POST only when
        # nothing was sent yet (nginx never resends a non-idempotent request it delivered).
        # Not http_503: an app's 503 (its database is down) is an answer, and counting it as
        # a failure would take every instance out at once ("no live upstreams").
        proxy_next_upstream error timeout http_502;
        proxy_next_upstream_tries 3;`;

const server = (name, port) => `server {
    listen ${port};
    # TLS terminates here in production: listen 443 ssl; ssl_certificate …; (docs/deploy.md)
    client_max_body_size 128k;
    location / {
${proxied(name)}
    }
    # Server-sent events (the chat widget, admin live updates): unbuffered, held open.
    location ~ ^/api/(conversations/current/events|admin/live)$ {
${proxied(name, '1h')}
        proxy_buffering off;
        proxy_cache off;
    }
}`;

const http = [
  upstream('customer', customer),
  upstream('admin', admin),
  server('customer', listen),
  server('admin', adminListen),
].join('\n\n');

if (!standalone) {
  process.stdout.write(`${http}\n`);
} else {
  const indent = (text) =>
    text
      .split('\n')
      .map((line) => (line ? `    ${line}` : line))
      .join('\n');
  process.stdout.write(`worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events {
    worker_connections 4096;
}
http {
    access_log ${prefix}/access.log;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    keepalive_timeout 65s;
${indent(http)}
}
`);
}
